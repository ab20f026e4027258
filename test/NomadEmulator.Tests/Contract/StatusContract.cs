using System.Net;
using System.Text.Json;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>
/// The contract shape: one abstract class of Nomad behaviours per API area, run against the emulator
/// and, when <c>NOMAD_GITOPS_CONTRACT_ADDR</c> is set, against a real Nomad.
/// </summary>
public abstract class StatusContract(ContractTarget target)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leader_is_an_address_as_a_json_string_with_index_headers()
    {
        using var response = await target.Http.GetAsync(new Uri("/v1/status/leader", UriKind.Relative), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var leader = JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(_ct));
        leader.ShouldNotBeNullOrEmpty();
        leader.ShouldContain(":");
        response.Headers.GetValues("X-Nomad-KnownLeader").ShouldBe(["true"]);
        long.Parse(response.Headers.GetValues("X-Nomad-Index").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Agent_self_reports_its_region()
    {
        using var response = await target.Http.GetAsync(new Uri("/v1/agent/self", UriKind.Relative), _ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        doc.RootElement.GetProperty("config").GetProperty("Region").GetString().ShouldNotBeNullOrEmpty();
    }
}

public sealed class StatusContractOnEmulator(EmulatorTarget target) : StatusContract(target), IClassFixture<EmulatorTarget>;

public sealed class StatusContractOnRealNomad(RealNomadTarget target) : StatusContract(target), IClassFixture<RealNomadTarget>;

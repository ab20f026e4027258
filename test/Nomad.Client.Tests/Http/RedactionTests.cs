using Nomad.Client.Tests.Support;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace Nomad.Client.Tests.Http;

public sealed class RedactionTests
{
    private const string Token = "9f2c1e7a-secret-token";
    private const string AuthPassword = "basic-pass-77";
    private const string AddressPassword = "addr-pass-55";

    [Fact]
    public async Task No_secret_reaches_an_exception_message_or_a_log_even_when_Nomad_echoes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        var echo = $"No cluster leader (token {Token}, auth admin:{AuthPassword}, addr {AddressPassword})";
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.Respond, Status = 500, Body = echo });
        var logger = new RecordingLogger<NomadClient>();
        var options = Clients.For(nomad.Address) with
        {
            Address = $"http://root:{AddressPassword}@127.0.0.1:{nomad.Address.Port}",
            Token = Token,
            HttpAuth = "admin:" + AuthPassword,
        };
        using var client = Clients.Create(options, logger);

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        error.Attempts.ShouldBe(3);
        var everything = string.Join("\n", logger.Entries.Append(error.ToString()).Append(error.NomadMessage).Append(client.Options.ToString()));
        everything.ShouldContain("No cluster leader");
        everything.ShouldNotContain(Token);
        everything.ShouldNotContain(AuthPassword);
        everything.ShouldNotContain(AddressPassword);
        logger.Entries.Count(e => e.StartsWith("Warning", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task The_exception_path_never_carries_the_query_string()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Text(403, "Permission denied"));
        using var client = Clients.Create(Clients.For(server.Address));

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Variables.ListAsync(new QueryOptions { Filter = "Path contains \"secret\"", Prefix = "x" }, ct));

        error.IsPermissionDenied.ShouldBeTrue();
        error.Path.ShouldBe("/v1/vars");
        error.Message.ShouldNotContain("secret");
        error.Message.ShouldBe("Nomad GET /v1/vars failed (403 Forbidden): Permission denied");
    }
}

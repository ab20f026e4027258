using Nomad.Client.Tests.Support;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace Nomad.Client.Tests.Http;

public sealed class WriteRetryTests
{
    private static readonly Variable Config = new() { Path = "app/config", Items = new Dictionary<string, string> { ["k"] = "v" } };

    [Theory]
    [InlineData("No cluster leader", FaultKind.NoLeader, 500)]
    [InlineData("429 Too Many Requests", FaultKind.Respond, 429)]
    [InlineData("503 Service Unavailable", FaultKind.Respond, 503)]
    public async Task A_write_Nomad_refused_is_retried(string _, FaultKind kind, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server
            .On("PUT /v1/var/app/config", kind == FaultKind.NoLeader ? CannedResponse.Text(500, "No cluster leader") : CannedResponse.Text(status, "busy"))
            .On("PUT /v1/var/app/config", CannedResponse.Json("""{"Path":"app/config","ModifyIndex":5,"Items":{"k":"v"}}"""));
        using var client = Clients.Create(Clients.For(server.Address));

        var result = await client.Variables.PutAsync(Config, cas: 0, ct: ct);

        result.ShouldBeOfType<VariableWriteResult.Written>();
        server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("502 Bad Gateway", FaultKind.Respond, 502)]
    [InlineData("504 Gateway Timeout", FaultKind.Respond, 504)]
    [InlineData("a connection dropped after the request was sent", FaultKind.Drop, 0)]
    public async Task A_write_that_may_have_been_applied_is_reported_as_transient_but_not_retried(string _, FaultKind kind, int status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/", Kind = kind, Status = status == 0 ? 500 : status, Body = "upstream trouble" });
        using var client = Clients.Create(Clients.For(nomad.Address));

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Variables.PutAsync(Config, cas: 0, ct: ct));

        error.IsTransient.ShouldBeTrue();
        error.Attempts.ShouldBe(1);
        nomad.Calls.Count("PUT /v1/var/:path").ShouldBe(1);
    }

    [Fact]
    public async Task A_write_to_an_address_that_refuses_connections_is_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        Uri address;
        await using (var gone = await NomadEmulator.StartAsync(new EmulatorOptions(), ct))
        {
            address = gone.Address;
        }

        using var client = Clients.Create(Clients.For(address));

        var error = await Should.ThrowAsync<NomadApiException>(() => client.Variables.PutAsync(Config, ct: ct));

        error.Attempts.ShouldBe(3);
        error.IsTransient.ShouldBeTrue();
    }
}

using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests;

public sealed class NomadClientTests
{
    [Fact]
    public async Task A_caller_owned_HttpClient_is_used_and_survives_the_client()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"a:1\"")).On("GET /v1/status/leader", CannedResponse.Json("\"b:2\""));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("X-Caller", "mine");

        using (var client = new NomadClient(Clients.For(server.Address) with { Token = "t" }, http))
        {
            (await client.Status.LeaderAsync(ct)).ShouldBe("a:1");
        }

        (await http.GetStringAsync(new Uri(server.Address, "/v1/status/leader"), ct)).ShouldBe("\"b:2\"");
        server.Requests[0].Header("X-Caller").ShouldBe("mine");
        server.Requests[0].Header("X-Nomad-Token").ShouldBe("t");
    }

    [Fact]
    public async Task A_caller_supplied_handler_is_not_disposed_with_the_client()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"a:1\"")).On("GET /v1/status/leader", CannedResponse.Json("\"b:2\""));
        using var handler = new SocketsHttpHandler();

        using (var client = new NomadClient(Clients.For(server.Address), handler))
        {
            (await client.Status.LeaderAsync(ct)).ShouldBe("a:1");
        }

        using var reuse = new NomadClient(Clients.For(server.Address), handler);
        (await reuse.Status.LeaderAsync(ct)).ShouldBe("b:2");
    }

    [Fact]
    public void An_invalid_address_fails_at_construction_without_echoing_credentials() =>
        Should.Throw<ArgumentException>(() => new NomadClient(new NomadClientOptions { Address = "gopher://u:sekrit-pw@h:70" }))
            .Message.ShouldNotContain("sekrit-pw");
}

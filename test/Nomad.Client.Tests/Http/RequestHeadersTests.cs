using System.Text;
using Nomad.Client.Tests.Support;

namespace Nomad.Client.Tests.Http;

public sealed class RequestHeadersTests
{
    [Fact]
    public async Task The_token_is_sent_as_X_Nomad_Token_and_region_and_namespace_come_from_the_options()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Json("[]"));
        using var client = Clients.Create(Clients.For(server.Address) with { Token = "tok-123", Region = "eu", Namespace = "apps" });

        await client.Variables.ListAsync(ct: ct);

        var request = server.OnlyRequest;
        request.Header("X-Nomad-Token").ShouldBe("tok-123");
        request.Header("Authorization").ShouldBeNull();
        request.Query.ShouldBe(new Dictionary<string, string> { ["region"] = "eu", ["namespace"] = "apps" }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_per_call_namespace_and_region_win_over_the_options()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Json("[]"));
        using var client = Clients.Create(Clients.For(server.Address) with { Region = "eu", Namespace = "apps" });

        await client.Variables.ListAsync(new QueryOptions { Namespace = "*", Region = "us" }, ct);

        server.OnlyRequest.Query["namespace"].ShouldBe("*");
        server.OnlyRequest.Query["region"].ShouldBe("us");
    }

    [Fact]
    public async Task Without_a_token_region_or_namespace_none_is_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/vars", CannedResponse.Json("[]"));
        using var client = Clients.Create(Clients.For(server.Address));

        await client.Variables.ListAsync(ct: ct);

        server.OnlyRequest.Header("X-Nomad-Token").ShouldBeNull();
        server.OnlyRequest.Query.ShouldBeEmpty();
    }

    [Fact]
    public async Task NOMAD_HTTP_AUTH_is_sent_as_basic_auth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"a:1\""));
        using var client = Clients.Create(Clients.For(server.Address) with { HttpAuth = "alice:pw:with:colons" });

        await client.Status.LeaderAsync(ct);

        server.OnlyRequest.Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pw:with:colons")));
    }

    [Fact]
    public async Task User_info_in_NOMAD_ADDR_is_sent_as_basic_auth_and_wins_over_NOMAD_HTTP_AUTH()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ScriptedNomad.StartAsync(ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"a:1\""));
        var address = $"http://bob:builder@127.0.0.1:{server.Address.Port}";
        using var client = Clients.Create(Clients.For(server.Address) with { Address = address, HttpAuth = "alice:pw" });

        await client.Status.LeaderAsync(ct);

        server.OnlyRequest.Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:builder")));
    }

    [Fact]
    public async Task A_unix_socket_address_reaches_Nomad_over_the_socket()
    {
        var ct = TestContext.Current.CancellationToken;
        var socket = Path.Combine(Path.GetTempPath(), $"nomad-{Guid.NewGuid():N}.sock");
        await using var server = await ScriptedNomad.StartAsync(unixSocket: socket, ct: ct);
        server.On("GET /v1/status/leader", CannedResponse.Json("\"10.0.0.9:4647\""));
        using var client = Clients.Create(NomadClientOptions.FromEnvironment(new Dictionary<string, string?> { ["NOMAD_ADDR"] = "unix://" + socket }));

        (await client.Status.LeaderAsync(ct)).ShouldBe("10.0.0.9:4647");
        server.OnlyRequest.Header("Host").ShouldBe("127.0.0.1");
    }
}

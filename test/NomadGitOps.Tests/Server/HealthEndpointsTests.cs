using System.Net;
using System.Text.Json;
using Nomad.Emulator.Faults;

namespace NomadGitOps.Tests.Server;

public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async ValueTask InitializeAsync() => _server = await ServerHarness.StartAsync(ct: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_while_the_process_serves()
    {
        using var response = await _server.Http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_is_ready_while_nomad_answers_with_a_leader()
    {
        using var response = await _server.Http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("status").GetString().ShouldBe("ready");
        json.RootElement.GetProperty("role").GetString().ShouldBe("leader");
    }

    [Fact]
    public async Task Readyz_is_unready_with_the_reason_when_nomad_fails()
    {
        _server.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.Respond, Status = 500, Body = "no cluster" });

        using var response = await _server.Http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Nomad could not be reached");
    }
}

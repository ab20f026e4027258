using System.Collections.Concurrent;
using Nomad.Client.Tests.Support;
using Nomad.Emulator;
using Nomad.Emulator.Faults;

namespace Nomad.Client.Tests.Http;

/// <summary>The request observer (for metrics) hears every attempt with its route template, status and blocking flag.</summary>
public sealed class RequestObserverTests
{
    [Fact]
    public async Task Every_attempt_is_observed_with_its_route_template_and_status_retries_included()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/status/leader", Kind = FaultKind.NoLeader, Times = 1 });
        var observer = new RecordingObserver();
        using var client = new NomadClient(Clients.For(nomad.Address), observer: observer);

        await client.Status.LeaderAsync(ct);
        await client.Variables.PutAsync(new Variable { Path = "team/app/secret", Items = new Dictionary<string, string> { ["k"] = "v" } }, ct: ct);
        var read = await client.Variables.ReadAsync("team/app/secret", ct: ct);
        await client.Variables.ReadAsync("team/app/secret", new QueryOptions { Index = read.LastIndex, Wait = TimeSpan.FromMilliseconds(50) }, ct);
        (await client.Jobs.ReadAsync("web/with slash", ct: ct)).Value.ShouldBeNull();

        observer.Seen.Select(t => (t.Method, t.Endpoint, t.StatusCode, t.Blocking)).ShouldBe(
        [
            ("GET", "/v1/status/leader", 500, false),
            ("GET", "/v1/status/leader", 200, false),
            ("PUT", "/v1/var/:path", 200, false),
            ("GET", "/v1/var/:path", 200, false),
            ("GET", "/v1/var/:path", 200, true),
            ("GET", "/v1/job/:job_id", 404, false),
        ]);
        observer.Seen.ShouldAllBe(t => t.Duration >= TimeSpan.Zero);
    }

    [Fact]
    public async Task An_attempt_without_an_answer_is_observed_without_a_status()
    {
        var ct = TestContext.Current.CancellationToken;
        var observer = new RecordingObserver();
        // Nothing listens on port 1 of loopback: the connection is refused.
        using var client = new NomadClient(new NomadClientOptions { Address = "http://127.0.0.1:1", MaxAttempts = 1 }, observer: observer);

        await Should.ThrowAsync<NomadApiException>(() => client.Status.LeaderAsync(ct));

        observer.Seen.Single().ShouldBe(observer.Seen[0] with { Method = "GET", Endpoint = "/v1/status/leader", StatusCode = null, Blocking = false });
    }

    [Theory]
    [InlineData("a variable path", "/v1/var/nomad-gitops/v1/nomadjob/default/web", "/v1/var/:path")]
    [InlineData("a job", "/v1/job/web%2Fapi", "/v1/job/:job_id")]
    [InlineData("a job's plan", "/v1/job/web/plan", "/v1/job/:job_id/plan")]
    [InlineData("a job's deployments", "/v1/job/web/deployments", "/v1/job/:job_id/deployments")]
    [InlineData("a deployment", "/v1/deployment/5c1e", "/v1/deployment/:deployment_id")]
    [InlineData("an allocation", "/v1/allocation/8ba85cef-1b6a-4e3c-9f0d-2b7c1d1e2f3a", "/v1/allocation/:alloc_id")]
    [InlineData("an allocation's restart", "/v1/client/allocation/8ba85cef-1b6a-4e3c-9f0d-2b7c1d1e2f3a/restart", "/v1/client/allocation/:alloc_id/restart")]
    [InlineData("the variable list", "/v1/vars", "/v1/vars")]
    [InlineData("the parse endpoint", "/v1/jobs/parse", "/v1/jobs/parse")]
    [InlineData("an unexpected path", "/v1/weird path", "other")]
    public void A_path_becomes_its_route_template(string _, string path, string template) =>
        NomadRoute.Template(path).ShouldBe(template);

    private sealed class RecordingObserver : INomadRequestObserver
    {
        private readonly ConcurrentQueue<NomadRequestTiming> seen = new();

        public IReadOnlyList<NomadRequestTiming> Seen => [.. seen];

        public void Completed(NomadRequestTiming timing) => seen.Enqueue(timing);
    }
}

using System.Net;
using System.Text.Json;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;
using NomadGitOps.Tests.Server.Webhooks;

namespace NomadGitOps.Tests.Server;

/// <summary>A replica that takes part in leader election and does not hold the lock: it serves HTTP like the leader.</summary>
public sealed class StandbyReplicaTests
{
    [Fact]
    public async Task A_standby_is_ready_and_takes_a_webhook_delivery()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(ct: ct, engine: new EngineSettings { LeaderElection = true });
        await server.PutAsync("nomad-gitops/v1/gitrepository/apps", ("url", "https://github.com/acme/apps"));
        var hook = await server.CreateReceiverAsync("hooks", "github", "token");
        var body = Payloads.Bytes("github-push");

        using var ready = await server.Http.GetAsync(new Uri("/readyz", UriKind.Relative), ct);
        using var delivered = await server.DeliverAsync(hook, body, ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, "token")));

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));
        json.RootElement.GetProperty("role").GetString().ShouldBe("standby");
        delivered.StatusCode.ShouldBe(HttpStatusCode.OK);
        await server.IdleAsync();
        server.Items("nomad-gitops/v1/gitrepository/apps").ShouldContainKey(ItemKeys.ReconcileRequestedAt);
    }
}

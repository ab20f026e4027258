using System.Net;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookAnswerTests
{
    private const string AppsPath = "nomad-gitops/v1/gitrepository/apps";

    [Fact]
    public async Task A_push_is_answered_while_its_reconcile_request_is_still_held_up_on_the_way_to_nomad()
    {
        using var release = new SemaphoreSlim(0);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServerHarness.StartAsync(
            handler: _ => new InterleavingHandler(AppsPath, async () =>
            {
                // The write of reconcile_requested_at waits here until the answer has come back.
                held.TrySetResult();
                await release.WaitAsync(TestContext.Current.CancellationToken);
            }),
            ct: TestContext.Current.CancellationToken);
        await server.PutAsync(AppsPath, ("url", "https://github.com/acme/apps"));
        var hook = await server.CreateReceiverAsync("hooks", "github", "token");
        var body = Payloads.Bytes("github-push");

        using var response = await server.DeliverAsync(hook, body, ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, "token")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"triggered":["apps"]}""");
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        server.Items(AppsPath).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt, "the write is still held");
        release.Release();
        await server.IdleAsync();
        server.Items(AppsPath).ShouldContainKey(ItemKeys.ReconcileRequestedAt);
    }
}

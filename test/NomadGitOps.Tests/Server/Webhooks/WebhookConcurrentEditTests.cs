using System.Net;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Tests.Server.Webhooks;

public sealed class WebhookConcurrentEditTests
{
    private const string AppsPath = "nomad-gitops/v1/gitrepository/apps";

    [Fact]
    public async Task A_persons_edit_between_the_read_and_the_write_of_a_reconcile_request_is_kept()
    {
        InterleavingHandler? interleaving = null;
        await using var server = await ServerHarness.StartAsync(
            handler: nomad => interleaving = new InterleavingHandler(AppsPath, async () =>
            {
                using var person = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
                var edit = new Variable
                {
                    Path = AppsPath,
                    Items = new Dictionary<string, string> { ["url"] = "https://github.com/acme/apps", ["interval"] = "5m" },
                };
                (await person.Variables.PutAsync(edit, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
            }),
            ct: TestContext.Current.CancellationToken);
        await server.PutAsync(AppsPath, ("url", "https://github.com/acme/apps"));
        var hook = await server.CreateReceiverAsync("hooks", "github", "token");
        var body = Payloads.Bytes("github-push");

        using var response = await server.DeliverAsync(hook, body, ("X-GitHub-Event", "push"), ("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, "token")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await server.IdleAsync();
        interleaving.ShouldNotBeNull().Fired.ShouldBeTrue();
        var items = server.Items(AppsPath);
        items["interval"].ShouldBe("5m");
        items.ShouldContainKey(ItemKeys.ReconcileRequestedAt);
    }
}

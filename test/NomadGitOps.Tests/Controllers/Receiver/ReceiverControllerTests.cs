using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;
using NomadGitOps.Tests.Server;

namespace NomadGitOps.Tests.Controllers.Receiver;

public sealed class ReceiverControllerTests : IAsyncLifetime
{
    private const string ReceiverPath = "nomad-gitops/v1/receiver/hooks";
    private ServerHarness _server = null!;

    public async ValueTask InitializeAsync() => _server = await ServerHarness.StartAsync(ct: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_receiver_with_its_secret_publishes_the_hash_of_token_name_and_namespace_as_its_url()
    {
        await _server.PutAsync("nomad-gitops/secrets/hooks", ("token", "abc\n"));
        await _server.PutAsync(ReceiverPath, ("type", "gitlab"), ("secret", "nomad-gitops/secrets/hooks"));

        var outcome = await _server.PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var items = _server.Items(ReceiverPath);
        var expected = "/hook/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("abchooksdefault"u8));
        items[ItemKeys.StatusUrl].ShouldBe(expected);
        HookPath.For("abc", "hooks", "default").ShouldBe(expected);
        items[ItemKeys.StatusReady].ShouldBe("True");
        items[ItemKeys.StatusReason].ShouldBe(Reasons.Succeeded);
        items[ItemKeys.StatusMessage].ShouldContain("events: Push Hook, Tag Push Hook");
    }

    [Fact]
    public async Task A_second_reconcile_of_an_unchanged_receiver_writes_nothing()
    {
        await _server.PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await _server.PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        await _server.PublishAsync("hooks");
        var index = _server.Nomad.State.Variables.Get("default", ReceiverPath)!.ModifyIndex;

        await _server.PublishAsync("hooks");

        _server.Nomad.State.Variables.Get("default", ReceiverPath)!.ModifyIndex.ShouldBe(index);
    }

    [Fact]
    public async Task A_receiver_whose_secret_is_missing_publishes_no_url_and_says_how_to_create_it()
    {
        await _server.PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/none"));

        var outcome = await _server.PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        var items = _server.Items(ReceiverPath);
        items.ShouldNotContainKey(ItemKeys.StatusUrl);
        items[ItemKeys.StatusReady].ShouldBe("False");
        items[ItemKeys.StatusMessage].ShouldContain("nomad var put nomad-gitops/secrets/none token=");
    }

    [Fact]
    public async Task A_receiver_with_an_invalid_spec_stalls_and_withdraws_its_url()
    {
        await _server.PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await _server.PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        await _server.PublishAsync("hooks");
        await _server.PutAsync(ReceiverPath, [.. _server.Items(ReceiverPath).Select(kv => (kv.Key, kv.Value)).Where(kv => kv.Key != "type"), ("type", "svn")]);

        var outcome = await _server.PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        _server.Items(ReceiverPath).ShouldNotContainKey(ItemKeys.StatusUrl);
        _server.Items(ReceiverPath)[ItemKeys.StatusMessage].ShouldContain("\"svn\"");
    }

    [Fact]
    public async Task A_suspended_receiver_keeps_its_url_and_says_it_is_suspended()
    {
        await _server.PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await _server.PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"), ("suspend", "true"));

        await _server.PublishAsync("hooks");

        _server.Items(ReceiverPath)[ItemKeys.StatusReason].ShouldBe(Reasons.Suspended);
        _server.Items(ReceiverPath).ShouldContainKey(ItemKeys.StatusUrl);
    }
}

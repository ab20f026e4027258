using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.Webhooks;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.Receiver;

/// <summary>The Receiver controller on <see cref="ControllerHarness"/> (the real DI graph, the emulator).</summary>
public sealed class ReceiverControllerTests : IAsyncLifetime
{
    private const string ReceiverPath = "nomad-gitops/v1/receiver/hooks";
    private ControllerHarness h = null!;

    public async ValueTask InitializeAsync() => h = await ControllerHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => h.DisposeAsync();

    [Fact]
    public async Task A_receiver_with_its_secret_publishes_the_hash_of_token_name_and_namespace_as_its_url()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc\n"));
        await PutAsync(ReceiverPath, ("type", "gitlab"), ("secret", "nomad-gitops/secrets/hooks"));

        var outcome = await PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var items = Items(ReceiverPath);
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
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        await PublishAsync("hooks");
        var index = h.Nomad.State.Variables.Get("default", ReceiverPath)!.ModifyIndex;

        await PublishAsync("hooks");

        h.Nomad.State.Variables.Get("default", ReceiverPath)!.ModifyIndex.ShouldBe(index);
    }

    [Fact]
    public async Task A_receiver_whose_secret_is_missing_publishes_no_url_and_says_how_to_create_it()
    {
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/none"));

        var outcome = await PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.AuthenticationFailed);
        var items = Items(ReceiverPath);
        items.ShouldNotContainKey(ItemKeys.StatusUrl);
        items[ItemKeys.StatusReady].ShouldBe("False");
        items[ItemKeys.StatusMessage].ShouldContain("nomad var put nomad-gitops/secrets/none token=");
    }

    [Fact]
    public async Task A_receiver_with_an_invalid_spec_stalls_and_withdraws_its_url()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        await PublishAsync("hooks");
        await PutAsync(ReceiverPath, [.. Items(ReceiverPath).Select(kv => (kv.Key, kv.Value)).Where(kv => kv.Key != "type"), ("type", "svn")]);

        var outcome = await PublishAsync("hooks");

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        Items(ReceiverPath).ShouldNotContainKey(ItemKeys.StatusUrl);
        Items(ReceiverPath)[ItemKeys.StatusMessage].ShouldContain("\"svn\"");
    }

    [Fact]
    public async Task A_suspended_receiver_keeps_its_url_and_says_it_is_suspended()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"), ("suspend", "true"));

        await PublishAsync("hooks");

        Items(ReceiverPath)[ItemKeys.StatusReason].ShouldBe(Reasons.Suspended);
        Items(ReceiverPath).ShouldContainKey(ItemKeys.StatusUrl);
    }

    [Fact]
    public async Task A_suspended_receiver_with_an_invalid_spec_is_suspended_not_stalled_and_keeps_its_url()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        await PublishAsync("hooks");
        var url = Items(ReceiverPath)[ItemKeys.StatusUrl];
        await PutAsync(ReceiverPath, [.. Items(ReceiverPath).Select(kv => (kv.Key, kv.Value)).Where(kv => kv.Key != "type"), ("type", "svn"), ("suspend", "true")]);

        (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Suspended);

        Items(ReceiverPath)[ItemKeys.StatusUrl].ShouldBe(url);
        Items(ReceiverPath)[ItemKeys.StatusMessage].ShouldContain("answered 503");
    }

    [Fact]
    public async Task A_receiver_whose_secret_stays_missing_retries_at_the_backoffs_draws_growing_with_each_failure()
    {
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/none"));
        // The harness's one Backoff is seeded with 7 and nothing drew from it yet: the same draws, in order.
        var same = new Backoff(BackoffOptions.Default, new Random(7));

        var once = (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.Failed>();
        var twice = (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.Failed>();

        once.RetryAfter.ShouldBe(same.DelayAfter(1));
        twice.RetryAfter.ShouldBe(same.DelayAfter(2));
    }

    [Fact]
    public async Task A_receiver_Nomad_cannot_read_is_a_failure_with_its_retry_time_not_an_exception()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        h.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/" + ReceiverPath, Status = 500, Body = "rpc error: no leader", Times = 1 });

        var failed = (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.Failed>();

        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        Items(ReceiverPath).ShouldNotContainKey(ItemKeys.StatusUrl);
    }

    [Fact]
    public async Task A_status_write_Nomad_refuses_is_a_failure_with_its_retry_time_and_the_next_reconcile_publishes()
    {
        await PutAsync("nomad-gitops/secrets/hooks", ("token", "abc"));
        await PutAsync(ReceiverPath, ("type", "github"), ("secret", "nomad-gitops/secrets/hooks"));
        h.Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + ReceiverPath, Status = 500, Body = "rpc error: raft apply failed", Times = 1 });

        var failed = (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.Failed>();

        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.Message.ShouldContain("writing its status");
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        (await PublishAsync("hooks")).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        Items(ReceiverPath).ShouldContainKey(ItemKeys.StatusUrl);
    }

    private Task<ReconcileOutcome> PublishAsync(string name) => h.Receivers.ReconcileAsync(ObjectKey.Receiver(name), TestContext.Current.CancellationToken);

    private IReadOnlyDictionary<string, string> Items(string path) => h.Nomad.State.Variables.Get("default", path).ShouldNotBeNull($"{path} exists").Items;

    private Task PutAsync(string path, params (string Key, string Value)[] items) => h.PutVariableAsync(path, TestContext.Current.CancellationToken, items);
}

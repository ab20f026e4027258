using Microsoft.Extensions.Logging;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>The GitRepository controller following a branch on a real git daemon, with the emulator as Nomad.</summary>
public sealed class GitRepositorySyncScenarios : IAsyncLifetime
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private GitServer server = null!;
    private RepoBuilder repo = null!;
    private ControllerHarness harness = null!;

    public async ValueTask InitializeAsync()
    {
        server = await GitServer.StartAsync(GitServerKind.Daemon, ct);
        repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        harness = await ControllerHarness.StartAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        repo.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task The_first_reconcile_serves_the_branch_head_and_wakes_the_index()
    {
        var commit = await repo.WithFile("jobs/web.nomad", "job \"web\" {}").WithFile("README.md", "hi").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("path", "jobs"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var status = await harness.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.True);
        status.Reason.ShouldBe(Reasons.Succeeded);
        status.CurrentCommit.ShouldBe(commit);
        status.CurrentRef.ShouldBe("refs/heads/main");
        status.LastChangeAt.ShouldBe(ControllerHarness.Start);
        status.ConsecutiveFailures.ShouldBe(0);
        status.NextAttemptAt.ShouldBeNull();
        status.ObservedSpec.ShouldBe(SpecHash.Of((await harness.ItemsAsync(key, ct))!));
        status.Message.ShouldNotBeNull().ShouldContain($"Serving commit {commit[..12]} of branch main");
        status.Message.ShouldContain("1 of 1 files under path \"jobs\"");
        harness.Trigger.Triggered.ShouldBe([(ControllerName.NomadJobIndex, key)]);
        harness.Logs.Events.ShouldContain(e => e.Level == LogLevel.Information && e.Message.Contains("new commit " + commit, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_reconcile_request_is_handled_with_an_ls_remote_at_once_and_recorded()
    {
        await repo.WithFile("web.nomad", "job \"web\" {}").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        (await harness.StatusAsync(key, ct)).LastHandledReconcileAt.ShouldBeNull();
        var pushed = await repo.WithFile("web.nomad", "job \"web\" { }").CommitAsync("second", ct);

        var stored = (await harness.Store.ReadAsync(key, ct))!;
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = "2026-11-25T12:00:05Z" };
        (await harness.Store.ReplaceAsync(key, items, stored.ModifyIndex, ct)).ShouldBeTrue();
        await harness.Controller.ReconcileAsync(key, ct);

        var status = await harness.StatusAsync(key, ct);
        status.CurrentCommit.ShouldBe(pushed);
        status.LastHandledReconcileAt.ShouldBe("2026-11-25T12:00:05Z");
        (await harness.ItemsAsync(key, ct))![ItemKeys.StatusLastHandledReconcileAt].ShouldBe("2026-11-25T12:00:05Z");
    }

    [Fact]
    public async Task A_second_reconcile_with_nothing_new_writes_nothing_fetches_nothing_and_logs_nothing()
    {
        await repo.WithFile("web.nomad", "job \"web\" {}").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        var before = await harness.ItemsAsync(key, ct);
        harness.Nomad.Calls.Reset();
        harness.Logs.Clear();
        var fetches = harness.Git.CountOf("fetch");
        var lsRemotes = harness.Git.CountOf("ls-remote");
        var treeReads = harness.Git.CountOf("ls-tree");
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        harness.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        harness.Nomad.Calls.CountMethod("DELETE").ShouldBe(0);
        harness.Git.CountOf("fetch").ShouldBe(fetches);
        harness.Git.CountOf("ls-remote").ShouldBe(lsRemotes + 1);
        harness.Git.CountOf("ls-tree").ShouldBe(treeReads);
        (await harness.ItemsAsync(key, ct)).ShouldBe(before);
        harness.Trigger.Triggered.Count.ShouldBe(1);
        harness.Logs.Events.ShouldNotContain(e => e.Level >= LogLevel.Information);
    }

    [Fact]
    public async Task A_new_commit_is_fetched_recorded_and_wakes_the_index_again()
    {
        await repo.WithFile("web.nomad", "job \"web\" {}").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        var second = await repo.WithFile("api.nomad", "job \"api\" {}").CommitAsync("second", ct);
        var fetches = harness.Git.CountOf("fetch");
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        await harness.Controller.ReconcileAsync(key, ct);

        var status = await harness.StatusAsync(key, ct);
        status.CurrentCommit.ShouldBe(second);
        status.LastChangeAt.ShouldBe(ControllerHarness.Start.AddMinutes(1));
        status.Message.ShouldNotBeNull().ShouldContain("2 of 2 files");
        harness.Git.CountOf("fetch").ShouldBe(fetches + 1);
        harness.Trigger.Triggered.ShouldBe([(ControllerName.NomadJobIndex, key), (ControllerName.NomadJobIndex, key)]);
    }

    [Fact]
    public async Task A_force_push_is_served_and_reported_in_the_message_and_the_log()
    {
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var second = await repo.WithFile("web.nomad", "v2").CommitAsync("second", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        var rewritten = await repo.ForcePushAsync("rewritten", ct);

        await harness.Controller.ReconcileAsync(key, ct);

        var status = await harness.StatusAsync(key, ct);
        status.CurrentCommit.ShouldBe(rewritten);
        status.Ready.ShouldBe(ReadyState.True);
        status.Message.ShouldNotBeNull().ShouldContain($"force-pushed: the previous commit {second[..12]} is not in its history");
        harness.Logs.Events.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("force-pushed", StringComparison.Ordinal));
        harness.Trigger.Triggered.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_deleted_branch_says_so_and_keeps_the_last_commit_serving()
    {
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        await repo.BranchAsync("release", ct);
        var commit = await repo.WithFile("web.nomad", "v2").CommitAsync("on release", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("branch", "release"));
        await harness.Controller.ReconcileAsync(key, ct);
        await repo.DeleteBranchAsync("release", ct);

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.RefNotFound);
        var status = await harness.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.False);
        status.Reason.ShouldBe(Reasons.RefNotFound);
        status.CurrentCommit.ShouldBe(commit);
        status.CurrentRef.ShouldBe("refs/heads/release");
        status.Message.ShouldNotBeNull().ShouldContain("branch 'release' was deleted");
        status.Message.ShouldContain($"The last good commit {commit[..12]} keeps serving.");
        harness.Trigger.Triggered.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_spec_change_without_a_new_commit_wakes_the_index_once()
    {
        await repo.WithFile("jobs/web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        var stored = (await harness.Store.ReadAsync(key, ct))!;
        var edited = stored.Items.ToDictionary(StringComparer.Ordinal);
        edited["path"] = "jobs";
        (await harness.Store.ReplaceAsync(key, edited, stored.ModifyIndex, ct)).ShouldBeTrue();

        await harness.Controller.ReconcileAsync(key, ct);
        await harness.Controller.ReconcileAsync(key, ct);

        harness.Trigger.Triggered.Count.ShouldBe(2);
        (await harness.StatusAsync(key, ct)).ObservedSpec.ShouldBe(SpecHash.Of(edited));
    }
}

using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>Guards, failures with backoff and recovery, and races with a person, on file:// repositories and the emulator.</summary>
public sealed class GitRepositoryGuardScenarios : IAsyncLifetime
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private GitServer server = null!;
    private RepoBuilder repo = null!;
    private ControllerHarness harness = null!;

    public async ValueTask InitializeAsync()
    {
        server = await GitServer.StartAsync(GitServerKind.File, ct);
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
    public async Task An_invalid_spec_is_stalled_with_every_error_and_runs_no_git()
    {
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("brnach", "main"), ("interval", "soon"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        var status = await harness.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.False);
        status.Reason.ShouldBe(Reasons.InvalidSpec);
        status.Message.ShouldNotBeNull().ShouldContain("\"brnach\"");
        status.Message.ShouldContain("\"interval\"");
        status.NextAttemptAt.ShouldBeNull();
        harness.Git.CountOf("ls-remote").ShouldBe(0);
        harness.Trigger.Triggered.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_semver_range_is_stalled_as_an_invalid_spec()
    {
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url), ("semver", ">=banana"));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        harness.Git.CountOf("ls-remote").ShouldBe(0);
    }

    [Fact]
    public async Task A_suspended_repository_runs_no_git_and_keeps_its_commit()
    {
        var commit = await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        await EditAsync(key, ("suspend", "true"));
        await repo.WithFile("web.nomad", "v2").CommitAsync("second", ct);
        var lsRemotes = harness.Git.CountOf("ls-remote");

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.Reason.ShouldBe(Reasons.Suspended);
        outcome.IsFailure.ShouldBeFalse();
        harness.Git.CountOf("ls-remote").ShouldBe(lsRemotes);
        var status = await harness.StatusAsync(key, ct);
        status.Reason.ShouldBe(Reasons.Suspended);
        status.Ready.ShouldBe(ReadyState.True);
        status.CurrentCommit.ShouldBe(commit);
        status.Message.ShouldNotBeNull().ShouldContain("\"suspend\"");
        harness.Trigger.Triggered.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Failures_count_up_with_backoff_and_a_recovery_resets_them_keeping_the_commit()
    {
        var commit = await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        await harness.Controller.ReconcileAsync(key, ct);
        var hidden = repo.BarePath + ".away";
        Directory.Move(repo.BarePath, hidden);

        var first = await harness.Controller.ReconcileAsync(key, ct);
        var afterFirst = await harness.StatusAsync(key, ct);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Controller.ReconcileAsync(key, ct);
        var afterSecond = await harness.StatusAsync(key, ct);
        Directory.Move(hidden, repo.BarePath);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var recovered = await harness.Controller.ReconcileAsync(key, ct);

        first.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.GitOperationFailed);
        afterFirst.Ready.ShouldBe(ReadyState.False);
        afterFirst.ConsecutiveFailures.ShouldBe(1);
        afterFirst.CurrentCommit.ShouldBe(commit);
        afterFirst.NextAttemptAt.ShouldNotBeNull().ShouldBeInRange(
            ControllerHarness.Start + BackoffOptions.Default.Min, ControllerHarness.Start + (2 * BackoffOptions.Default.Min));
        afterFirst.LastChangeAt.ShouldBe(ControllerHarness.Start);
        afterSecond.ConsecutiveFailures.ShouldBe(2);
        afterSecond.NextAttemptAt.ShouldNotBeNull().ShouldBeInRange(
            ControllerHarness.Start.AddMinutes(1) + BackoffOptions.Default.Min, ControllerHarness.Start.AddMinutes(1) + (4 * BackoffOptions.Default.Min));
        afterSecond.LastChangeAt.ShouldBe(ControllerHarness.Start);
        recovered.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var status = await harness.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.True);
        status.ConsecutiveFailures.ShouldBe(0);
        status.NextAttemptAt.ShouldBeNull();
        status.CurrentCommit.ShouldBe(commit);
        status.LastChangeAt.ShouldBe(ControllerHarness.Start.AddMinutes(2));
        (await harness.ItemsAsync(key, ct))!.ShouldNotContainKey(ItemKeys.StatusConsecutiveFailures);
        harness.Logs.Events.ShouldContain(e => e.Message.Contains("recovered after 2 failures", StringComparison.Ordinal));
        harness.Trigger.Triggered.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_persons_spec_edit_made_during_the_reconcile_is_kept()
    {
        var commit = await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        harness.Handler.BeforeNextVariableWrite(async token => await EditAsync(key, ("interval", "5m"), ("description", "edited by a person")));

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var items = (await harness.ItemsAsync(key, ct))!;
        items["interval"].ShouldBe("5m");
        items["description"].ShouldBe("edited by a person");
        items[ItemKeys.StatusCurrentCommit].ShouldBe(commit);
        // The status names the spec it saw, so the edit still counts as new and is reconciled next.
        items[ItemKeys.StatusObservedSpec].ShouldNotBe(SpecHash.Of(items));
    }

    [Fact]
    public async Task An_object_deleted_during_the_reconcile_is_not_created_again()
    {
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        harness.Handler.BeforeNextVariableWrite(async token =>
        {
            var stored = (await harness.Store.ReadAsync(key, token))!;
            (await harness.Store.DeleteAsync(key, stored.ModifyIndex, token)).ShouldBeTrue();
        });

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await harness.ItemsAsync(key, ct)).ShouldBeNull();
        harness.Trigger.Triggered.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_object_that_does_not_exist_is_up_to_date_and_touches_nothing()
    {
        var outcome = await harness.Controller.ReconcileAsync(ObjectKey.GitRepository("ghost"), ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        harness.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        harness.Git.CountOf("ls-remote").ShouldBe(0);
        harness.Trigger.Triggered.ShouldNotContain(t => t.Controller == ControllerName.NomadJobIndex);
    }

    [Fact]
    public async Task Nomad_without_a_leader_at_load_is_a_transient_failure_that_runs_no_git()
    {
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        harness.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/", Kind = FaultKind.NoLeader, Times = 1 });

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.NomadUnavailable);
        ((ReconcileOutcome.Failed)outcome).RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        outcome.Message.ShouldContain("apps");
        harness.Git.CountOf("ls-remote").ShouldBe(0);
    }

    [Fact]
    public async Task A_status_write_that_Nomad_refuses_is_a_transient_failure_and_wakes_no_index()
    {
        await repo.WithFile("web.nomad", "v1").CommitAsync("first", ct);
        var key = await harness.CreateRepositoryAsync("apps", ct, ("url", repo.Url));
        harness.Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/", Kind = FaultKind.NoLeader, Times = 1 });

        var outcome = await harness.Controller.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.NomadUnavailable);
        ((ReconcileOutcome.Failed)outcome).RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        harness.Trigger.Triggered.ShouldBeEmpty();
        (await harness.ItemsAsync(key, ct))!.ShouldNotContainKey(ItemKeys.StatusCurrentCommit);
        (await harness.Controller.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        harness.Trigger.Triggered.Count.ShouldBe(1);
    }

    private async Task EditAsync(ObjectKey key, params (string Key, string Value)[] changes)
    {
        var stored = (await harness.Store.ReadAsync(key, ct))!;
        var items = stored.Items.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            items[name] = value;
        }

        (await harness.Store.ReplaceAsync(key, items, stored.ModifyIndex, ct)).ShouldBeTrue();
    }
}

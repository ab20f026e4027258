using NomadGitOps.Controllers;
using NomadGitOps.Controllers.GitRepository;
using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Controllers.GitRepository;

public sealed class GitRepositoryStatusSummaryTests
{
    private const string OldCommit = "1111111111111111111111111111111111111111";
    private const string NewCommit = "2222222222222222222222222222222222222222";
    private static readonly DateTimeOffset Earlier = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(7);

    private static readonly GitRepositoryStatus Serving = new(
        Ready: ReadyState.True, Reason: Reasons.Succeeded, Message: "Serving commit 111111111111", CurrentCommit: OldCommit,
        CurrentRef: "refs/heads/main", LastChangeAt: Earlier, ObservedSpec: "spec-a");

    [Fact]
    public void A_success_at_the_same_commit_with_nothing_published_keeps_the_status_as_it_was()
    {
        var run = Run(Serving, synced: OldCommit);

        var status = GitRepositoryStatusSummary.For(Serving, run, new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        status.ShouldBe(Serving);
    }

    [Fact]
    public void A_new_commit_moves_the_commit_the_message_and_the_last_change()
    {
        var run = Run(Serving, synced: NewCommit);
        run.PublishedMessage = "Serving commit 222222222222";

        var status = GitRepositoryStatusSummary.For(Serving, run, new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        status.CurrentCommit.ShouldBe(NewCommit);
        status.Message.ShouldBe("Serving commit 222222222222");
        status.LastChangeAt.ShouldBe(Now);
    }

    [Fact]
    public void The_commit_message_follows_the_commit_a_quiet_tick_keeps_it_and_a_failure_keeps_the_last_good_one()
    {
        var published = Run(Serving, synced: NewCommit);
        published.CommitSubject = "Scale web to 3";
        var serving = GitRepositoryStatusSummary.For(Serving, published, new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);
        serving.CommitMessage.ShouldBe("Scale web to 3");

        var quiet = GitRepositoryStatusSummary.For(serving, Run(serving, synced: NewCommit), new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);
        quiet.CommitMessage.ShouldBe("Scale web to 3");

        var failed = GitRepositoryStatusSummary.For(serving, Run(serving, synced: null), new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "fetch failed."), Now, Delay);
        failed.CommitMessage.ShouldBe("Scale web to 3");

        // A new commit whose message was not read shows none rather than the old commit's.
        var unread = GitRepositoryStatusSummary.For(serving, Run(serving, synced: OldCommit), new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);
        unread.CommitMessage.ShouldBeNull();
    }

    [Fact]
    public void A_failure_keeps_the_last_good_commit_counts_and_schedules_the_backoff()
    {
        var run = Run(Serving, synced: null);

        var status = GitRepositoryStatusSummary.For(Serving, run, new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "fetch failed."), Now, Delay);

        status.Ready.ShouldBe(ReadyState.False);
        status.Reason.ShouldBe(Reasons.GitOperationFailed);
        status.CurrentCommit.ShouldBe(OldCommit);
        status.CurrentRef.ShouldBe("refs/heads/main");
        status.ConsecutiveFailures.ShouldBe(1);
        status.NextAttemptAt.ShouldBe(Now + Delay);
        status.LastChangeAt.ShouldBe(Now);
        status.Message.ShouldBe("fetch failed. The last good commit 111111111111 keeps serving.");
    }

    [Fact]
    public void A_repeated_failure_counts_on_and_leaves_the_last_change_alone()
    {
        var failing = Serving with { Ready = ReadyState.False, Reason = Reasons.GitOperationFailed, ConsecutiveFailures = 3, LastChangeAt = Earlier };

        var status = GitRepositoryStatusSummary.For(failing, Run(failing, synced: null), new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "x"), Now, Delay);

        status.ConsecutiveFailures.ShouldBe(4);
        status.LastChangeAt.ShouldBe(Earlier);
    }

    [Fact]
    public void A_recovery_resets_the_failures_and_drops_the_next_attempt()
    {
        var failing = Serving with { Ready = ReadyState.False, Reason = Reasons.GitOperationFailed, ConsecutiveFailures = 2, NextAttemptAt = Earlier };
        var run = Run(failing, synced: OldCommit);
        run.PublishedMessage = "Serving again";

        var status = GitRepositoryStatusSummary.For(failing, run, new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        status.Ready.ShouldBe(ReadyState.True);
        status.ConsecutiveFailures.ShouldBe(0);
        status.NextAttemptAt.ShouldBeNull();
        status.LastChangeAt.ShouldBe(Now);
        status.Message.ShouldBe("Serving again");
    }

    [Fact]
    public void A_stalled_spec_is_not_scheduled_and_records_the_spec_it_saw()
    {
        var run = Run(Serving, synced: null, specHash: "spec-b");

        var status = GitRepositoryStatusSummary.For(Serving, run, new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "bad."), Now, Delay);

        status.NextAttemptAt.ShouldBeNull();
        status.ObservedSpec.ShouldBe("spec-b");
        status.CurrentCommit.ShouldBe(OldCommit);
    }

    [Fact]
    public void A_suspended_repository_keeps_readiness_commit_and_failures()
    {
        var failing = Serving with { Ready = ReadyState.False, Reason = Reasons.GitOperationFailed, ConsecutiveFailures = 2, NextAttemptAt = Earlier };

        var status = GitRepositoryStatusSummary.For(failing, Run(failing, synced: null), new ReconcileOutcome.UpToDate("suspended", Reasons.Suspended), Now, TimeSpan.Zero);

        status.Ready.ShouldBe(ReadyState.False);
        status.Reason.ShouldBe(Reasons.Suspended);
        status.ConsecutiveFailures.ShouldBe(2);
        status.CurrentCommit.ShouldBe(OldCommit);
        status.NextAttemptAt.ShouldBeNull();
        status.LastChangeAt.ShouldBe(Earlier);
    }

    [Fact]
    public void Messages_are_redacted_of_the_runs_secret_values_and_url_credentials()
    {
        var run = Run(GitRepositoryStatus.Empty, synced: null);
        run.Redactor = SecretRedactor.UrlsOnly.With(["s3cr3t-token-value"]);
        var outcome = new ReconcileOutcome.Failed(Reasons.AuthenticationFailed, "https://bob:pw@git.test/x said s3cr3t-token-value is wrong.");

        var status = GitRepositoryStatusSummary.For(GitRepositoryStatus.Empty, run, outcome, Now, Delay);

        status.Message.ShouldBe("https://***@git.test/x said *** is wrong.");
    }

    [Fact]
    public void A_waiting_outcome_schedules_its_own_delay_and_keeps_the_failures()
    {
        var failing = Serving with { ConsecutiveFailures = 1 };

        var status = GitRepositoryStatusSummary.For(failing, Run(failing, synced: null), new ReconcileOutcome.Waiting(Reasons.Progressing, "w", TimeSpan.FromSeconds(30)), Now, Delay);

        status.Ready.ShouldBe(ReadyState.Unknown);
        status.ConsecutiveFailures.ShouldBe(1);
        status.NextAttemptAt.ShouldBe(Now.AddSeconds(30));
    }

    [Theory]
    [InlineData("a success", "ok")]
    [InlineData("a failure", "failed")]
    [InlineData("a suspended repository", "suspended")]
    public void Every_outcome_records_the_reconcile_request_it_handled(string because, string kind)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = "2026-11-25T12:00:00Z" };
        var run = Run(Serving, synced: kind == "ok" ? OldCommit : null, items: items);
        ReconcileOutcome outcome = kind switch
        {
            "ok" => new ReconcileOutcome.UpToDate("ok"),
            "failed" => new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "x"),
            _ => new ReconcileOutcome.UpToDate("suspended", Reasons.Suspended),
        };

        var status = GitRepositoryStatusSummary.For(Serving, run, outcome, Now, Delay);

        status.LastHandledReconcileAt.ShouldBe("2026-11-25T12:00:00Z", because);
    }

    [Fact]
    public void A_removed_reconcile_request_removes_the_handled_value()
    {
        var handled = Serving with { LastHandledReconcileAt = "2026-11-25T12:00:00Z" };

        var status = GitRepositoryStatusSummary.For(handled, Run(handled, synced: OldCommit), new ReconcileOutcome.UpToDate("ok"), Now, TimeSpan.Zero);

        status.LastHandledReconcileAt.ShouldBeNull();
    }

    private static GitRepositoryRun Run(GitRepositoryStatus previous, string? synced, string specHash = "spec-a", Dictionary<string, string>? items = null)
    {
        var stored = new StoredObject(ObjectKey.GitRepository("apps"), items ?? new Dictionary<string, string>(StringComparer.Ordinal), 10);
        var run = new GitRepositoryRun(stored, previous, specHash);
        if (synced is not null)
        {
            run.Sync = new SyncResult(SyncOutcome.Unchanged, new RemoteRef("refs/heads/main", synced), previous.CurrentCommit, CacheRecreated: false);
        }

        return run;
    }
}

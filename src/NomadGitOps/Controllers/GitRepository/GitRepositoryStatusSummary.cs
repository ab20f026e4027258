using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>
/// Decides a GitRepository's next status from the previous one, what the run found and how it ended. Pure: no
/// I/O, no clock, no randomness (the backoff delay is drawn by the caller), so every rule is unit-tested.
/// </summary>
internal static class GitRepositoryStatusSummary
{
    /// <summary>How many hex digits of a commit messages show.</summary>
    public const int ShortCommitLength = 12;

    /// <summary>
    /// The status after <paramref name="outcome"/>: ready, reason and message from the outcome (messages redacted);
    /// the commit and ref of a successful sync, else the last good ones (they keep serving); the failure count the
    /// outcome implies; <c>next_attempt_at</c> only while retrying (now + <paramref name="backoffDelay"/> after a
    /// failure, now + the wait when waiting); <c>last_change_at</c> moved only when readiness or the commit changed.
    /// A suspended object keeps its readiness, commit and failure count. Every outcome records the
    /// <c>reconcile_requested_at</c> it handled (as Flux does), so a waiting <c>reconcile</c> sees failures too.
    /// </summary>
    public static GitRepositoryStatus For(GitRepositoryStatus previous, GitRepositoryRun run, ReconcileOutcome outcome, DateTimeOffset now, TimeSpan backoffDelay)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Reason == Reasons.Suspended)
        {
            return previous with
            {
                Reason = Reasons.Suspended,
                Message = run.Redactor.Redact(outcome.Message),
                NextAttemptAt = null,
                ObservedSpec = run.SpecHash,
                LastHandledReconcileAt = ReconcileRequest.Of(run.Stored.Items),
            };
        }

        var succeeded = outcome is ReconcileOutcome.UpToDate && run.Sync is not null;
        var commit = succeeded ? run.Sync!.Ref.Commit : previous.CurrentCommit;
        var reference = succeeded ? run.Sync!.Ref.Name : previous.CurrentRef;
        var message = outcome switch
        {
            ReconcileOutcome.UpToDate when succeeded => run.PublishedMessage ?? previous.Message ?? outcome.Message,
            ReconcileOutcome.Failed or ReconcileOutcome.Stalled when previous.CurrentCommit is { } last =>
                $"{outcome.Message} The last good commit {Short(last)} keeps serving.",
            _ => outcome.Message,
        };
        var changed = outcome.Ready != previous.Ready || !string.Equals(commit, previous.CurrentCommit, StringComparison.Ordinal);
        // Read with the commit's tree; a quiet tick reads nothing and keeps the subject of the same commit.
        var subject = (succeeded ? run.CommitSubject : null)
            ?? (string.Equals(commit, previous.CurrentCommit, StringComparison.Ordinal) ? previous.CommitMessage : null);
        return new GitRepositoryStatus(
            Ready: outcome.Ready,
            Reason: outcome.Reason,
            Message: run.Redactor.Redact(message),
            CurrentCommit: commit,
            CurrentRef: reference,
            LastChangeAt: changed ? now : previous.LastChangeAt ?? now,
            ConsecutiveFailures: outcome.ConsecutiveFailures(previous.ConsecutiveFailures),
            NextAttemptAt: outcome switch
            {
                ReconcileOutcome.Failed => now + backoffDelay,
                ReconcileOutcome.Waiting waiting => now + waiting.After,
                _ => null,
            },
            ObservedSpec: run.SpecHash,
            LastHandledReconcileAt: ReconcileRequest.Of(run.Stored.Items),
            CommitMessage: subject is null ? null : run.Redactor.Redact(subject));
    }

    /// <summary>The first <see cref="ShortCommitLength"/> hex digits of <paramref name="commit"/>.</summary>
    public static string Short(string commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return commit.Length <= ShortCommitLength ? commit : commit[..ShortCommitLength];
    }
}

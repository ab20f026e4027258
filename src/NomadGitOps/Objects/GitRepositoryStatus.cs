namespace NomadGitOps.Objects;

/// <summary>What the GitRepository controller records about a repository (its <c>status_*</c> items but the index's).</summary>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>, one of <see cref="Reasons"/>; null before the first reconcile.</param>
/// <param name="Message"><c>status_message</c>: what happened, secrets redacted.</param>
/// <param name="CurrentCommit"><c>status_current_commit</c>: the commit the artifact holds.</param>
/// <param name="CommitMessage"><c>status_commit_message</c>: the first line of that commit's message.</param>
/// <param name="CurrentRef"><c>status_current_ref</c>: the ref that resolved to it.</param>
/// <param name="LastChangeAt"><c>status_last_change_at</c>: when readiness or the commit last changed.</param>
/// <param name="ConsecutiveFailures"><c>status_consecutive_failures</c>: failures since the last success.</param>
/// <param name="NextAttemptAt"><c>status_next_attempt_at</c>: when the controller looks again.</param>
/// <param name="ObservedSpec"><c>status_observed_spec</c>: the <see cref="SpecHash"/> last reconciled.</param>
/// <param name="LastHandledReconcileAt"><c>status_last_handled_reconcile_at</c>: the <c>reconcile_requested_at</c> value the last reconcile handled.</param>
internal sealed record GitRepositoryStatus(
    ReadyState Ready = ReadyState.Unknown,
    string? Reason = null,
    string? Message = null,
    string? CurrentCommit = null,
    string? CurrentRef = null,
    DateTimeOffset? LastChangeAt = null,
    int ConsecutiveFailures = 0,
    DateTimeOffset? NextAttemptAt = null,
    string? ObservedSpec = null,
    string? LastHandledReconcileAt = null,
    string? CommitMessage = null)
{
    /// <summary>The status of a repository never reconciled.</summary>
    public static GitRepositoryStatus Empty { get; } = new();

    /// <summary>The status items this record owns; the GitRepository controller writes only these.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusReady, ItemKeys.StatusReason, ItemKeys.StatusMessage, ItemKeys.StatusCurrentCommit,
        ItemKeys.StatusCurrentRef, ItemKeys.StatusLastChangeAt, ItemKeys.StatusConsecutiveFailures,
        ItemKeys.StatusNextAttemptAt, ItemKeys.StatusObservedSpec, ItemKeys.StatusLastHandledReconcileAt, ItemKeys.StatusCommitMessage,
    };
}

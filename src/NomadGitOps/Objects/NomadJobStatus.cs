namespace NomadGitOps.Objects;

/// <summary>What the NomadJob controller records about a job (its <c>status_*</c> items but <c>status_indexed_at</c>).</summary>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>, one of <see cref="Reasons"/>.</param>
/// <param name="Message"><c>status_message</c>: what happened, secrets redacted.</param>
/// <param name="LastAppliedCommit"><c>status_last_applied_commit</c>.</param>
/// <param name="LastAttemptedCommit"><c>status_last_attempted_commit</c>.</param>
/// <param name="LastAppliedAt"><c>status_last_applied_at</c>.</param>
/// <param name="SpecHash"><c>status_spec_hash</c>: hash of the canonical job JSON last applied.</param>
/// <param name="JobModifyIndex"><c>status_job_modify_index</c>: the live job's JobModifyIndex after our last apply.</param>
/// <param name="JobVersion"><c>status_job_version</c>.</param>
/// <param name="EvalId"><c>status_eval_id</c>.</param>
/// <param name="Plan"><c>status_plan</c>: one-line summary of the last plan.</param>
/// <param name="DeploymentId"><c>status_deployment_id</c>.</param>
/// <param name="DeploymentStatus"><c>status_deployment_status</c>.</param>
/// <param name="Drift"><c>status_drift</c>: what drifted, when reported rather than corrected.</param>
/// <param name="ConsecutiveFailures"><c>status_consecutive_failures</c>.</param>
/// <param name="NextAttemptAt"><c>status_next_attempt_at</c>.</param>
/// <param name="ObservedSpec"><c>status_observed_spec</c>: the <see cref="Objects.SpecHash"/> last reconciled.</param>
/// <param name="LastHandledReconcileAt"><c>status_last_handled_reconcile_at</c>: the <c>reconcile_requested_at</c> value the last reconcile handled.</param>
internal sealed record NomadJobStatus(
    ReadyState Ready = ReadyState.Unknown,
    string? Reason = null,
    string? Message = null,
    string? LastAppliedCommit = null,
    string? LastAttemptedCommit = null,
    DateTimeOffset? LastAppliedAt = null,
    string? SpecHash = null,
    ulong? JobModifyIndex = null,
    ulong? JobVersion = null,
    string? EvalId = null,
    string? Plan = null,
    string? DeploymentId = null,
    string? DeploymentStatus = null,
    string? Drift = null,
    int ConsecutiveFailures = 0,
    DateTimeOffset? NextAttemptAt = null,
    string? ObservedSpec = null,
    string? LastHandledReconcileAt = null)
{
    /// <summary>The status of a job never reconciled.</summary>
    public static NomadJobStatus Empty { get; } = new();

    /// <summary>The status items this record owns; the NomadJob controller writes only these.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusReady, ItemKeys.StatusReason, ItemKeys.StatusMessage, ItemKeys.StatusLastAppliedCommit,
        ItemKeys.StatusLastAttemptedCommit, ItemKeys.StatusLastAppliedAt, ItemKeys.StatusSpecHash,
        ItemKeys.StatusJobModifyIndex, ItemKeys.StatusJobVersion, ItemKeys.StatusEvalId, ItemKeys.StatusPlan,
        ItemKeys.StatusDeploymentId, ItemKeys.StatusDeploymentStatus, ItemKeys.StatusDrift,
        ItemKeys.StatusConsecutiveFailures, ItemKeys.StatusNextAttemptAt, ItemKeys.StatusObservedSpec, ItemKeys.StatusLastHandledReconcileAt,
    };
}

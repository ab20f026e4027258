using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>One NomadJob on the status page.</summary>
/// <param name="Job"><c>namespace/job</c>.</param>
/// <param name="Repository">The GitRepository it comes from.</param>
/// <param name="File">The job file in it.</param>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>.</param>
/// <param name="Message"><c>status_message</c>.</param>
/// <param name="AppliedCommit"><c>status_last_applied_commit</c>.</param>
/// <param name="Version"><c>status_job_version</c>.</param>
/// <param name="Plan"><c>status_plan</c>: the last plan's summary.</param>
/// <param name="DriftCorrected">True when the last reconcile registered the job again because it had drifted.</param>
/// <param name="Drift"><c>status_drift</c>: drift reported and left alone (<c>correct_drift=false</c>).</param>
/// <param name="Deployment"><c>status_deployment_status</c>.</param>
/// <param name="NextAttempt"><c>status_next_attempt_at</c>.</param>
/// <param name="Link">The path of its own page.</param>
internal sealed record JobRow(
    string Job, string? Repository, string? File, ReadyState Ready, string? Reason, string? Message, string? AppliedCommit, string? Version,
    string? Plan, bool DriftCorrected, string? Drift, string? Deployment, string? NextAttempt, string Link);

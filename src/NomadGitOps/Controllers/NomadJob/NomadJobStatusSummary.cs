using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Decides a NomadJob's next status from the previous one, what the reconcile found and how it ended. Pure: no I/O,
/// no clock (the time is given), so every rule is unit-tested alone. The controller writes the result only when its
/// encoded items differ from the stored ones.
/// </summary>
internal static class NomadJobStatusSummary
{
    /// <summary>The status after a reconcile of the object with spec items <paramref name="items"/>.</summary>
    /// <param name="previous">The status stored before.</param>
    /// <param name="items">The object's items (for <c>status_observed_spec</c>).</param>
    /// <param name="run">What the steps found; null when a guard ended the reconcile before any step.</param>
    /// <param name="outcome">How the reconcile ended.</param>
    /// <param name="now">The time of the reconcile.</param>
    /// <param name="retryAfter">The backoff delay, used for <c>status_next_attempt_at</c> of a failure.</param>
    public static NomadJobStatus For(
        NomadJobStatus previous, IReadOnlyDictionary<string, string> items, NomadJobRun? run, ReconcileOutcome outcome, DateTimeOffset now, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(outcome);
        var next = previous with
        {
            Ready = outcome.Ready,
            Reason = outcome.Reason,
            Message = outcome.Message,
            ConsecutiveFailures = outcome.ConsecutiveFailures(previous.ConsecutiveFailures),
            NextAttemptAt = outcome is ReconcileOutcome.Failed ? now + retryAfter : null,
            ObservedSpec = SpecHash.Of(items),
            LastHandledReconcileAt = ReconcileRequest.Of(items),
        };
        if (run is null)
        {
            return next;
        }

        if (run.Commit is not null)
        {
            next = next with { LastAttemptedCommit = run.Commit };
        }

        if (run.Unchanged && outcome is ReconcileOutcome.UpToDate)
        {
            // Same job, nothing planned: keep the commits and the message of the apply, so a quiet reconcile writes
            // nothing, also at a new commit that left the job as it is (in a repository of many jobs every commit would
            // otherwise cost a status write per job). status_last_applied_commit/_attempted_commit thus name the commit
            // the job last changed at.
            if (previous.Ready == ReadyState.True && previous.Reason is not null && previous.Message is not null)
            {
                next = next with
                {
                    Reason = previous.Reason,
                    Message = previous.Message,
                    LastAttemptedCommit = previous.LastAttemptedCommit ?? run.Commit,
                    LastAppliedCommit = previous.LastAppliedCommit ?? run.Commit,
                };
            }
            else
            {
                next = next with { LastAppliedCommit = run.Commit ?? previous.LastAppliedCommit };
            }
        }

        if (run.PlanSummary is not null)
        {
            next = next with { Plan = run.PlanSummary };
        }

        if (run.FailedRelease is { } failed)
        {
            // The job as it runs now (Nomad's rollback, or our failed version) is what the next look compares with.
            next = next with
            {
                JobModifyIndex = run.LiveJobModifyIndex ?? previous.JobModifyIndex,
                JobVersion = run.LiveVersion ?? previous.JobVersion,
                DeploymentId = failed.DeploymentId,
                DeploymentStatus = DeploymentStatus.Failed,
            };
        }

        if (run.Registered || run.PlanUnchanged)
        {
            next = next with
            {
                SpecHash = run.DesiredHash,
                JobModifyIndex = run.JobModifyIndex,
                JobVersion = run.JobVersion,
                LastAppliedCommit = run.Commit,
                Drift = null,
            };
        }

        if (run.Registered)
        {
            next = next with { LastAppliedAt = now, EvalId = run.EvalId, DeploymentId = null, DeploymentStatus = null };
        }

        if (run.Deployment is { } deployment)
        {
            next = next with { DeploymentId = deployment.ID, DeploymentStatus = deployment.Status };
        }

        if (outcome.Reason == Reasons.DriftDetected)
        {
            next = next with { Drift = run.Drift };
        }
        else if (outcome is ReconcileOutcome.UpToDate)
        {
            next = next with { Drift = null };
        }

        if (run.Pruned)
        {
            next = next with { DeploymentId = null, DeploymentStatus = null };
        }

        return next;
    }
}

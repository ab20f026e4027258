using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Watches;
using static NomadGitOps.Controllers.NomadJob.LiveJob;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Follows the deployment of the NomadJob controller's release: with <c>wait</c>, until it succeeds, fails or
/// <c>wait_timeout</c> passes; without, one lookup of its outcome until it is known (issue 9), and Nomad's rollback of
/// a failed release. The job's deployments come from the engine's <see cref="DeploymentCache"/> while its watch is
/// current (no Nomad call), else from <c>GET /v1/job/:id/deployments</c>.
/// </summary>
internal sealed class DeploymentFollower(NomadClient nomad, NomadJobControllerOptions options, TimeProvider time, DeploymentCache? cache = null)
{
    private const string ModifyIndexField = "ModifyIndex";

    // The failed deployment of the release status records (its version and JobModifyIndex), if any. The cache answers
    // only when its list is at least as new as the live job: Nomad fails a deployment and registers its rollback in one
    // write (UpdateDeploymentStatus with the job), so a list that old shows the failure of the rollback just seen.
    public async Task<FailedRelease?> FailedReleaseAsync(NomadJobRun run, CancellationToken ct) =>
        run.Previous is { JobVersion: { } version, JobModifyIndex: { } index }
            ? FailedRelease.Find(await DeploymentsAsync(run, run.Live?[ModifyIndexField]?.GetValue<ulong>() ?? ulong.MaxValue, ct), version, index)
            : null;

    // The job is as applied and nothing asks for a new release: a failed (or, with wait, cancelled) deployment of it
    // stays reported; without wait, its outcome is looked up until known; with wait, a deployment not yet successful is
    // followed (the explicit FollowDeployment branch); else the job is up to date.
    public async Task<StepResult> UnchangedReleaseAsync(NomadJobRun run, CancellationToken ct)
    {
        var previous = run.Previous;
        if (previous.DeploymentStatus == DeploymentStatus.Failed || (run.Spec.Wait && previous.DeploymentStatus == DeploymentStatus.Cancelled))
        {
            return new Stalled(Reasons.DeploymentFailed, previous.Reason == Reasons.DeploymentFailed && previous.Message is { } message
                ? message
                : $"Deployment {previous.DeploymentId} of {run.JobName} version {previous.JobVersion} is {previous.DeploymentStatus}: fix the job in Git.");
        }

        if (!run.Spec.Wait && await UnfollowedDeploymentFailedAsync(run, ct) is { } failed)
        {
            return failed;
        }

        var following = previous.Reason == Reasons.Progressing
            || (previous.DeploymentStatus is not null && previous.DeploymentStatus != DeploymentStatus.Successful);
        return run.Spec.Wait && following
            ? FollowDeployment.Instance
            : new UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}.");
    }

    // Without wait, the outcome of our release's deployment is looked up (one read) until it is known, so a failure
    // without auto_revert is reported too; the result is recorded once and not read again.
    public async Task<Stalled?> UnfollowedDeploymentFailedAsync(NomadJobRun run, CancellationToken ct)
    {
        if (run.Previous.DeploymentStatus is DeploymentStatus.Successful || !ExpectsDeployment(run.Desired!)
            || run.Previous is not { JobVersion: { } version, JobModifyIndex: { } index })
        {
            return null;
        }

        // A cache behind Nomad only delays the outcome: the status change wakes this object again.
        var deployments = await DeploymentsAsync(run, 0, ct);
        if (FailedRelease.Find(deployments, version, index) is { } failed)
        {
            run.FailedRelease = failed;
            return new Stalled(Reasons.DeploymentFailed, failed.Describe(run.JobName, run.Spec.File, run.ShortCommit, run.LiveVersion));
        }

        run.Deployment = deployments.FirstOrDefault(d => d.JobVersion == version && d.JobSpecModifyIndex == index && d.Status == DeploymentStatus.Successful);
        return null;
    }

    private async Task<IReadOnlyList<Deployment>> DeploymentsAsync(NomadJobRun run, ulong atLeast, CancellationToken ct) =>
        cache is { IsCurrent: true } current && run.Spec.Region is null && current.Index >= atLeast
            ? current.ForJob(run.Spec.Namespace, run.Spec.JobId)
            : (await nomad.Jobs.DeploymentsAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;

    public async Task<StepResult> WaitForDeploymentAsync(NomadJobRun run, CancellationToken ct)
    {
        if (!run.Spec.Wait || !ExpectsDeployment(run.Desired!))
        {
            return StepResult.Continue;
        }

        var now = time.GetUtcNow();
        // From the applied time as status stores it (to the second), so every later look computes the same deadline.
        var appliedAt = run.Registered ? ItemCodec.ParseTime(ItemCodec.FormatTime(now))!.Value : run.Previous.LastAppliedAt ?? now;
        var deadline = appliedAt + run.Spec.WaitTimeout;
        var after = deadline - now < options.DeploymentPollInterval ? deadline - now : options.DeploymentPollInterval;
        var version = $"{run.JobName} version {run.JobVersion}";
        var deployment = (await nomad.Jobs.LatestDeploymentAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (deployment is null || deployment.JobVersion != run.JobVersion)
        {
            // Nomad's scheduler creates the deployment after the evaluation: it may not exist yet.
            return now >= deadline
                ? new Stalled(Reasons.DeploymentFailed, $"No deployment of {version} started within wait_timeout ({run.Spec.WaitTimeout}): check the job's evaluations.")
                : new Waiting(Reasons.Progressing, $"Waiting for the deployment of {version} to start; followed until {ItemCodec.FormatTime(deadline)}.", after);
        }

        run.Deployment = deployment;
        switch (deployment.Status)
        {
            case DeploymentStatus.Successful:
                return StepResult.Continue;
            case DeploymentStatus.Failed or DeploymentStatus.Cancelled:
                return new Stalled(Reasons.DeploymentFailed, $"Deployment {deployment.ID} of {version} {deployment.Status}: {deployment.StatusDescription}. Fix the job in Git.");
        }

        if (now >= deadline)
        {
            return new Stalled(Reasons.DeploymentFailed, $"Deployment {deployment.ID} of {version} is still {deployment.Status} after wait_timeout ({run.Spec.WaitTimeout}): check the allocations.");
        }

        return new Waiting(Reasons.Progressing, $"Deployment {deployment.ID} of {version} is {deployment.Status}; followed until {ItemCodec.FormatTime(deadline)}.", after);
    }
}

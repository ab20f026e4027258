using System.Collections.Concurrent;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Watches;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Tells, with no Nomad call, that a NomadJob is up to date: the repository's commit, the object's spec and the
/// repository's variables and var files are those its job was last rendered from (so the desired job hash is the one remembered), that hash
/// is the one status says was applied, and the owned-job cache (current while its blocking list works) shows the job
/// at the JobModifyIndex status recorded, not stopped, naming this object. Any doubt (no render remembered since start,
/// a deployment being followed or whose outcome is not known yet, the watch of owned jobs down) answers <see cref="StepResult.Continue"/>, and the
/// reconcile reads, renders and compares as before.
/// </summary>
internal sealed class UnchangedJobCheck(OwnedJobCache? ownedJobs = null, DeploymentCache? deployments = null)
{
    private readonly ConcurrentDictionary<ObjectKey, RenderedJob> rendered = new();

    /// <summary>
    /// Up to date with no Nomad call, or <see cref="StepResult.Continue"/> when the reconcile must look. At a commit other
    /// than the one last rendered, the job is still the same when the job file and its var files have the blobs they had
    /// (<paramref name="contentsAt"/>, from the commit's tree): a commit to a monorepo thus costs a render only for the
    /// jobs whose files it changed, not for all of them. A file that reads others (<c>file()</c>) depends on the whole
    /// commit and is rendered again.
    /// </summary>
    public async Task<StepResult> CheckAsync(NomadJobRun run, Func<string, CancellationToken, Task<string?>> contentsAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(contentsAt);
        if (run.RepositoryObject is null
            || ItemCodec.DecodeGitRepositoryStatus(run.RepositoryObject.Items).CurrentCommit is not { } commit
            || !rendered.TryGetValue(run.Stored.Key, out var last)
            || last.Inputs != Inputs(run))
        {
            return StepResult.Continue;
        }

        if (last.Commit != commit)
        {
            if (last.Contents is null || await contentsAt(commit, ct).ConfigureAwait(false) != last.Contents)
            {
                return StepResult.Continue;
            }

            rendered.TryUpdate(run.Stored.Key, last with { Commit = commit }, last);
        }

        run.Commit = commit;
        return UpToDateWithLive(run, last.DesiredHash, last.ExpectsDeployment);
    }

    /// <summary>
    /// The same once the job is rendered (a new commit, a first reconcile since start): the desired hash is the one status
    /// says was applied and the owned-job cache shows the job as applied, so no job read, no plan; with no unhandled
    /// <c>reconcile_requested_at</c>. A new commit that leaves the job as it is thus costs no Nomad call (and, as the status
    /// keeps the commit of the last change, no write).
    /// </summary>
    public StepResult CheckRendered(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run is { ReconcileRequested: false, DesiredHash: { } hash, Desired: { } desired }
            ? UpToDateWithLive(run, hash, LiveJob.ExpectsDeployment(desired))
            : StepResult.Continue;
    }

    private StepResult UpToDateWithLive(NomadJobRun run, string desiredHash, bool expectsDeployment)
    {
        var previous = run.Previous;
        // The owned-job list covers the client's region only.
        if (ownedJobs is not { IsCurrent: true }
            || run.Spec.Region is not null
            || previous is not { Ready: ReadyState.True, Reason: Reasons.Succeeded or Reasons.DriftCorrected, SpecHash: { } applied, JobModifyIndex: { } jobModifyIndex }
            || desiredHash != applied
            || ownedJobs.Find(run.Spec.Namespace, run.Spec.JobId) is not { Stop: false } live
            || live.JobModifyIndex != jobModifyIndex
            || live.ObjectPath != run.ObjectPath
            // A release whose deployment outcome is not recorded yet (issue 9: a failure without auto_revert moves no
            // JobModifyIndex) is answered from the deployment cache, else looked at by a full reconcile.
            || !DeploymentSettled(run, expectsDeployment))
        {
            return StepResult.Continue;
        }

        run.Unchanged = true;
        run.JobModifyIndex = previous.JobModifyIndex;
        run.JobVersion = previous.JobVersion;
        return new ReconcileOutcome.UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}.");
    }

    // True when nothing about the release's deployment needs a look from Nomad: its outcome is recorded as successful, the
    // job gets no deployment, or the watched deployments (current) show ours not final yet (its status change will wake
    // this object) or successful (then recorded by this reconcile's status write). A failed or cancelled one, or no
    // current cache, leaves it to the full reconcile, which reports it (FailedRelease).
    private bool DeploymentSettled(NomadJobRun run, bool expectsDeployment)
    {
        var previous = run.Previous;
        if (previous.DeploymentStatus is DeploymentStatus.Successful || (previous.DeploymentStatus is null && !expectsDeployment))
        {
            return true;
        }

        if (previous is not { DeploymentStatus: null, JobVersion: { } version, JobModifyIndex: { } index } || deployments is not { IsCurrent: true })
        {
            return false;
        }

        var ours = deployments.ForJob(run.Spec.Namespace, run.Spec.JobId).FirstOrDefault(d => d.JobVersion == version && d.JobSpecModifyIndex == index);
        if (ours is null || !ours.IsTerminal)
        {
            return true;
        }

        if (ours.Status == DeploymentStatus.Successful)
        {
            run.Deployment = ours;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when the job need be neither read nor planned before its register: it was never applied from this object and
    /// the owned-job cache (current) has no job by its ID, so it is new, or someone else's; a register "only if it does
    /// not exist" (<see cref="JobApplier.RegisterNewAsync"/>) tells which, and only an existing job is then read to be
    /// adopted or refused, and planned.
    /// </summary>
    public bool RegisterBeforeRead(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ownedJobs is { IsCurrent: true } cache && run.Spec.Region is null && run.Previous.JobModifyIndex is null
            && cache.Find(run.Spec.Namespace, run.Spec.JobId) is null;
    }

    /// <summary>Remembers what the job was rendered from, once the reconcile knows its desired hash.</summary>
    public void Rendered(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run is { Commit: { } commit, DesiredHash: { } hash, Desired: { } desired, RepositoryObject: not null })
        {
            // A file rendered from a checkout (it reads other files) depends on the whole commit, not only on its blobs.
            var contents = run.Parsed?.Renderer == JobFileRenderer.Checkout ? null : run.Input?.Contents;
            rendered[run.Stored.Key] = new RenderedJob(commit, contents, Inputs(run), hash, LiveJob.ExpectsDeployment(desired));
        }
    }

    /// <summary>The job was registered at <see cref="NomadJobRun.JobModifyIndex"/>: the owned-job list will show it so.</summary>
    public void Registered(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.JobModifyIndex is { } index && run.Spec.Region is null)
        {
            ownedJobs?.Registered(new OwnedJob(run.Spec.Namespace, run.Spec.JobId, index, Stop: false, Status: "pending", run.ObjectPath));
        }
    }

    // Everything the rendered job depends on besides the files (the commit and the blobs, in RenderedJob): the object's
    // spec, and the repository's variables and var files (not its other items: a webhook's reconcile_requested_at on the
    // repository changes no job).
    private static string Inputs(NomadJobRun run) =>
        $"{SpecHash.Of(run.Stored.Items)}\0{run.Repository?.Variables}\0{string.Join("\0", run.Repository?.VarFiles ?? [])}";

    // The commit last rendered from, and the blobs of the job file and var files there (null: the job depends on more).
    private sealed record RenderedJob(string Commit, string? Contents, string Inputs, string DesiredHash, bool ExpectsDeployment);
}

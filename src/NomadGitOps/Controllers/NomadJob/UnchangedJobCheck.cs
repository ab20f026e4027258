using System.Collections.Concurrent;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Tells, with no Nomad call, that a NomadJob is up to date: the repository's commit, the object's spec and the
/// repository's variables and var files are those its job was last rendered from (so the desired job hash is the one remembered), that hash
/// is the one status says was applied, and the owned-job cache (current while its blocking list works) shows the job
/// at the JobModifyIndex status recorded, not stopped, naming this object. Any doubt (no render remembered since start,
/// a deployment being followed or whose outcome is not known yet, the watch of owned jobs down) answers <see cref="StepResult.Continue"/>, and the
/// reconcile reads, renders and compares as before.
/// </summary>
internal sealed class UnchangedJobCheck(OwnedJobCache? ownedJobs = null)
{
    private readonly ConcurrentDictionary<ObjectKey, RenderedJob> rendered = new();

    /// <summary>Up to date with no Nomad call, or <see cref="StepResult.Continue"/> when the reconcile must look.</summary>
    public StepResult Check(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var previous = run.Previous;
        // The owned-job list covers the client's region only.
        if (ownedJobs is not { IsCurrent: true }
            || run.Spec.Region is not null
            || run.RepositoryObject is null
            || previous is not { Ready: ReadyState.True, Reason: Reasons.Succeeded or Reasons.DriftCorrected, SpecHash: { } applied, JobModifyIndex: { } jobModifyIndex }
            || ItemCodec.DecodeGitRepositoryStatus(run.RepositoryObject.Items).CurrentCommit is not { } commit
            || previous.LastAttemptedCommit != commit
            || !rendered.TryGetValue(run.Stored.Key, out var last)
            || last.Inputs != Inputs(run, commit)
            || last.DesiredHash != applied
            // A release whose deployment outcome is not known yet is looked at (issue 9: a failure without auto_revert
            // moves no JobModifyIndex, so only the deployment lookup of a full reconcile reports it).
            || (previous.DeploymentStatus is not DeploymentStatus.Successful && !(previous.DeploymentStatus is null && !last.ExpectsDeployment))
            || ownedJobs.Find(run.Spec.Namespace, run.Spec.JobId) is not { Stop: false } live
            || live.JobModifyIndex != jobModifyIndex
            || live.ObjectPath != run.ObjectPath)
        {
            return StepResult.Continue;
        }

        run.Commit = commit;
        run.Unchanged = true;
        run.JobModifyIndex = previous.JobModifyIndex;
        run.JobVersion = previous.JobVersion;
        return new ReconcileOutcome.UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}.");
    }

    /// <summary>Remembers what the job was rendered from, once the reconcile knows its desired hash.</summary>
    public void Rendered(NomadJobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run is { Commit: { } commit, DesiredHash: { } hash, Desired: { } desired, RepositoryObject: not null })
        {
            rendered[run.Stored.Key] = new RenderedJob(Inputs(run, commit), hash, LiveJob.ExpectsDeployment(desired));
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

    // Everything the rendered job depends on: the commit (file and var files), the object's spec, and the repository's
    // variables and var files (not its other items: a webhook's reconcile_requested_at on the repository changes no job).
    private static string Inputs(NomadJobRun run, string commit) =>
        $"{commit}\0{SpecHash.Of(run.Stored.Items)}\0{run.Repository?.Variables}\0{string.Join("\0", run.Repository?.VarFiles ?? [])}";

    private sealed record RenderedJob(string Inputs, string DesiredHash, bool ExpectsDeployment);
}

using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;
using static NomadGitOps.Controllers.NomadJob.LiveJob;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Keeps one Nomad job equal to its file in Git (DESIGN §2): renders the file at the repository's current commit,
/// compares with the live job, plans, registers with <c>EnforceIndex</c>, optionally follows the deployment, and prunes
/// jobs it owns when their object is orphaned or deleted with prune on.
/// </summary>
internal sealed class NomadJobController(
    ObjectStore store,
    NomadClient nomad,
    DesiredJobReader desiredJobs,
    ReconcileSkeleton skeleton,
    NomadJobPruner pruner,
    JobApplier applier,
    DeploymentFollower deployments,
    NomadJobControllerOptions options,
    ILogger<NomadJobController> logger,
    UnchangedJobCheck? unchanged = null) : IReconciler
{
    /// <summary>How long to wait before looking again at an object whose repository is not ready.</summary>
    public static readonly TimeSpan DependencyRetry = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.NomadJob;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.NomadJob;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReconcileOutcome? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct);
        if (loadFailed is not null)
        {
            return loadFailed;
        }

        if (stored is null)
        {
            return await pruner.PruneDeletedAsync(key, ct);
        }

        var previous = ItemCodec.DecodeNomadJobStatus(stored.Items);
        var parsed = NomadJobSpec.Parse(stored.Items, key);
        NomadJobRun? run = null;
        ReconcileOutcome outcome;
        if (ReconcileSkeleton.IsSuspended(stored.Items))
        {
            outcome = new UpToDate($"NomadJob {key} is suspended: remove \"suspend\" to reconcile it again.", Reasons.Suspended);
        }
        else if (parsed.Spec is not { } spec)
        {
            outcome = new Stalled(Reasons.InvalidSpec, $"NomadJob {key} is invalid: {parsed.Describe()}.");
        }
        else
        {
            run = new NomadJobRun(stored, spec, previous, key.ToPath(store.Prefix));
            outcome = await StepsAsync(run, ct);
        }

        return await skeleton.FinishAsync(stored, outcome, previous.ConsecutiveFailures,
            (o, now, retryAfter) => ItemCodec.Encode(NomadJobStatusSummary.For(previous, stored.Items, run, o, now, retryAfter)), next: null, ct);
    }

    // An orphan is pruned (or left); otherwise the desired job is read and compared with the live one, and then either
    // planned and registered, or (the live job is as applied) only its deployment is followed.
    private async Task<ReconcileOutcome> StepsAsync(NomadJobRun run, CancellationToken ct)
    {
        var what = $"NomadJob {run.Stored.Key}";
        if (NomadJobPruner.IsOrphaned(run))
        {
            return await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [pruner.PruneOrphanAsync], ct) as ReconcileOutcome ?? DoneOutcome.For(run);
        }

        var found = await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed,
            [LoadRepositoryAsync, SkipUnchangedAsync, ReadFileAsync, RenderAsync, CompareWithLiveAsync], ct);
        var applied = found switch
        {
            ReconcileOutcome ended => ended,
            FollowDeployment => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [deployments.WaitForDeploymentAsync], ct),
            NewJob => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [applier.RegisterNewAsync, deployments.WaitForDeploymentAsync], ct) switch
            {
                JobExists => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [ReadExistingAsync, applier.PlanAsync, applier.RegisterAsync, deployments.WaitForDeploymentAsync], ct),
                var registered => registered,
            },
            _ => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [applier.PlanAsync, applier.RegisterAsync, deployments.WaitForDeploymentAsync], ct),
        };
        return applied as ReconcileOutcome ?? DoneOutcome.For(run);
    }

    // Guard: the repository the file comes from, and whether it still lists this object.
    private async Task<StepResult> LoadRepositoryAsync(NomadJobRun run, CancellationToken ct)
    {
        var repositoryKey = ObjectKey.GitRepository(run.Spec.Repository);
        run.RepositoryObject = await store.ReadAsync(repositoryKey, ct);
        if (run.RepositoryObject is null)
        {
            // As the index does, a deleted repository leaves its jobs as they are.
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" of NomadJob {run.Stored.Key} does not exist: create it, fix \"repository\", or delete this object.", DependencyRetry);
        }

        var repository = GitRepositorySpec.Parse(run.RepositoryObject.Items);
        if (repository.Spec is null)
        {
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" of NomadJob {run.Stored.Key} is invalid: {repository.Describe()}.", DependencyRetry);
        }

        run.Repository = repository.Spec;
        return StepResult.Continue;
    }

    // Nothing changed in Git, in the object or (per the owned-job cache) in the live job since the last apply: no Nomad call.
    private async Task<StepResult> SkipUnchangedAsync(NomadJobRun run, CancellationToken ct) =>
        unchanged is null
            ? StepResult.Continue
            : await unchanged.CheckAsync(run, (commit, c) => desiredJobs.ContentsAsync(run.Repository!, run.Spec, commit, c), ct);

    private async Task<StepResult> ReadFileAsync(NomadJobRun run, CancellationToken ct)
    {
        var repository = run.Repository!;
        var repositoryStatus = ItemCodec.DecodeGitRepositoryStatus(run.RepositoryObject!.Items);
        if (repositoryStatus.CurrentCommit is not { } commit)
        {
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" has no commit yet; NomadJob {run.Stored.Key} waits for it.", DependencyRetry);
        }

        run.Commit = commit;
        try
        {
            run.Input = await desiredJobs.ReadAsync(repository, run.Spec, commit, ct);
            return StepResult.Continue;
        }
        catch (GitException e) when (e.Kind == GitErrorKind.RefNotFound)
        {
            return new Stalled(Reasons.RenderFailed, $"NomadJob {run.Stored.Key}: {e.Message} Fix \"file\" or \"var_files\", or restore the file in Git.");
        }
        catch (JobFileException e)
        {
            return new Stalled(Reasons.RenderFailed, $"NomadJob {run.Stored.Key}: {e.Message}");
        }
        catch (GitException e)
        {
            return new Failed(Reasons.ArtifactFailed, $"NomadJob {run.Stored.Key} could not read {run.Spec.File} at commit {run.ShortCommit}: {e.Message}", e);
        }
    }

    private async Task<StepResult> RenderAsync(NomadJobRun run, CancellationToken ct)
    {
        try
        {
            run.Parsed = await desiredJobs.ParseAsync(run.Spec, run.Input!, ct);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("NomadJob {Key}: {File} at {Commit} rendered by {Renderer}", run.Stored.Key, run.Spec.File, run.ShortCommit, run.Parsed.Renderer);
            }
        }
        catch (GitException e)
        {
            return new Failed(Reasons.ArtifactFailed, $"NomadJob {run.Stored.Key} could not check out commit {run.ShortCommit} to render {run.Spec.File}: {e.Message}", e);
        }
        catch (JobFileException e)
        {
            return new Stalled(Reasons.RenderFailed, $"{run.Spec.File} at commit {run.ShortCommit} of GitRepository \"{run.Spec.Repository}\" is not a valid job: {e.Message}");
        }
        catch (NomadApiException e) when (!IsUnavailable(e))
        {
            return new Stalled(Reasons.RenderFailed, $"Nomad could not parse {run.Spec.File} at commit {run.ShortCommit} of GitRepository \"{run.Spec.Repository}\": {e.NomadMessage}");
        }

        if (run.Parsed.JobId != run.Spec.JobId)
        {
            return new Stalled(Reasons.RenderFailed, $"{run.Spec.File} at commit {run.ShortCommit} defines job \"{run.Parsed.JobId}\", but NomadJob {run.Stored.Key} names job \"{run.Spec.JobId}\": fix \"job_id\" or the file.");
        }

        run.Desired = DesiredJobReader.Render(run.Parsed, run.Spec, options.ManagedBy, run.ObjectPath);
        run.DesiredHash = JobSpecHash.Of(run.Desired);
        unchanged?.Rendered(run);
        return StepResult.Continue;
    }

    private async Task<StepResult> CompareWithLiveAsync(NomadJobRun run, CancellationToken ct)
    {
        if (unchanged?.CheckRendered(run) is ReconcileOutcome upToDate)
        {
            // Rendered as applied (e.g. a new commit that left this file alone), and the job as applied: no read.
            return upToDate;
        }

        if (unchanged?.RegisterBeforeRead(run) == true)
        {
            // Never applied, and no owned job by that ID: registered only if it does not exist, read only if it does.
            return NewJob.Instance;
        }

        run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (OwnerConflict.Of(run, options.ManagedBy) is { } conflict)
        {
            return conflict;
        }

        var previous = run.Previous;
        run.Drift = LiveDrift.Of(run);

        var sameDesired = run.DesiredHash == previous.SpecHash;
        if (run.Drift is not null && sameDesired && run.Live is not null && !run.LiveStopped
            && await deployments.FailedReleaseAsync(run, ct) is { } rolledBack && rolledBack.IsRolledBackBy(run.Live))
        {
            // Nomad rolled back our failed release (auto_revert): no drift to correct, the rollback keeps running (issue 9).
            run.FailedRelease = rolledBack;
            run.Drift = null;
            if (!run.ReconcileRequested)
            {
                return new Stalled(Reasons.DeploymentFailed, rolledBack.Describe(run.JobName, run.Spec.File, run.ShortCommit, run.LiveVersion));
            }
        }

        // A failed release is tried again only for a changed object or a new reconcile_requested_at (or a change in Git).
        var failedRelease = previous.DeploymentStatus == DeploymentStatus.Failed;
        if (run.Drift is null && sameDesired && !run.ReconcileRequested && !(failedRelease && run.ObjectChanged) && run.FailedRelease is null)
        {
            run.Unchanged = true;
            run.JobModifyIndex = previous.JobModifyIndex;
            run.JobVersion = previous.JobVersion;
            return await deployments.UnchangedReleaseAsync(run, ct);
        }

        if (run.Drift is not null && sameDesired)
        {
            if (!run.Spec.CorrectDrift)
            {
                return new Stalled(Reasons.DriftDetected, $"{run.Drift}; correct_drift is false, so it was left as it is. Set correct_drift=true or change the job in Git to register it again.");
            }

            run.CorrectingDrift = true;
        }

        return StepResult.Continue;
    }

    // The register of a new job found one by that ID (JobExists): read it to adopt it (no meta) or leave it (another
    // owner); the plan then goes against it (its counts, its JobModifyIndex for the register).
    private async Task<StepResult> ReadExistingAsync(NomadJobRun run, CancellationToken ct)
    {
        run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        return OwnerConflict.Of(run, options.ManagedBy) is { } conflict ? conflict : StepResult.Continue;
    }
}

using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using static NomadGitOps.Controllers.NomadJob.LiveJob;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// The NomadJob controller's prune paths: an orphaned object (its file vanished, prune off: left running; prune on: the job
/// stopped when it is ours) and a deleted object (its job stopped only when its meta names this object with prune on).
/// </summary>
internal sealed class NomadJobPruner(
    ObjectStore store,
    NomadClient nomad,
    ReconcileSkeleton skeleton,
    NomadJobControllerOptions options,
    ILogger<NomadJobPruner> logger)
{
    // The index marks an object whose file vanished (prune off) with status_orphaned_at (docs/controller-index.md);
    // with prune on it deletes the object instead, and PruneDeletedAsync takes over.
    public static bool IsOrphaned(NomadJobRun run) => ItemCodec.DecodeNomadJobIndexStatus(run.Stored.Items).IsOrphaned;

    public async Task<StepResult> PruneOrphanAsync(NomadJobRun run, CancellationToken ct)
    {
        var where = $"its file {run.Spec.File} vanished from GitRepository \"{run.Spec.Repository}\"";
        if (!run.Spec.Prune)
        {
            return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); prune is off, so {run.JobName} keeps running unmanaged. Delete the object when it is no longer wanted.", Reasons.Orphaned);
        }

        var live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (live is null || IsStopped(live))
        {
            return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); {run.JobName} is already stopped or gone.", Reasons.Pruned);
        }

        if (!OwnershipMeta.IsOwnedBy(live, options.ManagedBy, run.ObjectPath))
        {
            return new Stalled(Reasons.NotOwned, $"NomadJob {run.Stored.Key} is orphaned ({where}) with prune on, but the live {run.JobName} is not ours " +
                $"(meta gitops_managed_by={Describe(OwnershipMeta.Read(live, OwnershipMeta.ManagedByKey))}, gitops_object={Describe(OwnershipMeta.Read(live, OwnershipMeta.ObjectKey))}): it was left running. Stop it by hand or delete the object.");
        }

        await nomad.Jobs.DeregisterAsync(run.Spec.JobId, purge: false, Write(run.Spec), ct);
        run.Pruned = true;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Pruned {Job} in {Namespace}: NomadJob {Object} is orphaned", run.Spec.JobId, run.Spec.Namespace, run.Stored.Key);
        }

        return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); prune is on, so {run.JobName} was stopped.", Reasons.Pruned);
    }

    // The object is gone: stop the job only when its meta says it was ours, for this object, with prune on.
    public async Task<ReconcileOutcome> PruneDeletedAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            var query = new QueryOptions { Namespace = key.Namespace };
            var live = (await nomad.Jobs.ReadAsync(key.Name, query, ct)).Value;
            var path = key.ToPath(store.Prefix);
            if (live is null || IsStopped(live) || !OwnershipMeta.IsOwnedBy(live, options.ManagedBy, path) || OwnershipMeta.Read(live, OwnershipMeta.PruneKey) != "true")
            {
                return new UpToDate($"NomadJob {key} no longer exists; nothing to prune.");
            }

            await nomad.Jobs.DeregisterAsync(key.Name, purge: false, new WriteOptions { Namespace = key.Namespace }, ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Pruned {Job} in {Namespace}: its NomadJob object was deleted", key.Name, key.Namespace);
            }

            return new UpToDate($"NomadJob {key} was deleted with prune on: job \"{key.Name}\" was stopped.", Reasons.Pruned);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return skeleton.WithRetry(new Failed(Reasons.PruneFailed, $"NomadJob {key} was deleted, but its job could not be checked or stopped: {e.Message}", e));
        }
    }
}

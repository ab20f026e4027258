using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// Follows every deployment with one blocking list (<c>GET /v1/deployments?namespace=*</c>, Nomad's
/// <c>Deployment.List</c>: its index is the deployments table's) and keeps them in the <see cref="DeploymentCache"/>.
/// When a deployment's status changes (or one appears already final), the NomadJob of its job is woken: the job is
/// looked up among the owned jobs (<see cref="OwnedJobCache"/>, its <c>gitops_object</c> meta) and the object among
/// those the <see cref="PrefixWatcher"/> knows, and queued behind every triggered key
/// (<see cref="IReconcileTrigger.TriggerBehind"/>: after a cold start thousands of deployments finish at once, and
/// recording them must not delay a job whose file just changed). So a NomadJob waiting for the outcome of its release's deployment needs
/// no Nomad call per interval: it reads the outcome from the cache when woken. The first list only records (every object
/// is reconciled at the start of a term anyway). While the list fails the cache is not current and the NomadJob
/// controller reads the deployments from Nomad as before.
/// </summary>
internal sealed class DeploymentWatcher
{
    private readonly NomadClient nomad;
    private readonly WatchOptions settings;
    private readonly PrefixWatcher objects;
    private readonly OwnedJobCache ownedJobs;
    private readonly DeploymentCache cache;
    private readonly TimeProvider time;
    private readonly ILogger<DeploymentWatcher> logger;
    private readonly Backoff backoff;

    /// <summary>A watcher of every deployment, waking the NomadJobs of owned jobs.</summary>
    public DeploymentWatcher(
        NomadClient nomad, WatchOptions settings, PrefixWatcher objects, OwnedJobCache ownedJobs, DeploymentCache cache, TimeProvider time, ILogger<DeploymentWatcher> logger)
    {
        this.nomad = nomad;
        this.settings = settings;
        this.objects = objects;
        this.ownedJobs = ownedJobs;
        this.cache = cache;
        this.time = time;
        this.logger = logger;
        backoff = new Backoff(settings.Backoff, new Random());
    }

    /// <summary>Follows the deployments until <paramref name="ct"/> is cancelled, triggering the NomadJob controller through <paramref name="trigger"/>.</summary>
    public async Task RunAsync(IReconcileTrigger trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        cache.Reset();
        try
        {
            var listedOnce = false;
            await BlockingWatch.RunAsync(
                    async (index, c) =>
                    {
                        var next = await PassAsync(index, first: !listedOnce, trigger, c).ConfigureAwait(false);
                        listedOnce = true;
                        return next;
                    },
                    "deployments",
                    backoff,
                    time,
                    logger,
                    ct,
                    settings.WatchSpacing)
                .ConfigureAwait(false);
        }
        finally
        {
            cache.Reset();
        }
    }

    private async Task<ulong> PassAsync(ulong index, bool first, IReconcileTrigger trigger, CancellationToken ct)
    {
        var query = new QueryOptions
        {
            Namespace = "*",
            Index = index == 0 ? null : index,
            Wait = index == 0 ? null : settings.WatchWait,
        };
        QueryResult<IReadOnlyList<Deployment>> list;
        try
        {
            list = await nomad.Deployments.ListAllAsync(query, ct).ConfigureAwait(false);
        }
        catch
        {
            cache.Behind();
            throw;
        }

        var changed = cache.Apply(list.Value, list.LastIndex);
        if (!first)
        {
            foreach (var deployment in changed)
            {
                Wake(trigger, deployment);
            }
        }

        // An index that went backwards (a restored snapshot) starts over with a plain list.
        return list.LastIndex < index ? 0 : Math.Max(list.LastIndex, 1);
    }

    private void Wake(IReconcileTrigger trigger, Deployment deployment)
    {
        if (ownedJobs.Find(deployment.Namespace, deployment.JobID)?.ObjectPath is { } path
            && objects.FindByPath(path) is { Kind: ObjectKind.NomadJob } key)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Deployment {Deployment} of {Namespace}/{JobId} is {Status}; queueing {Object}", deployment.ID, deployment.Namespace, deployment.JobID, deployment.Status, key);
            }

            trigger.TriggerBehind(ControllerName.NomadJob, key);
        }
    }
}

using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// Follows the jobs this controller owns with one blocking list (<c>GET /v1/jobs?namespace=*&amp;meta=true&amp;filter=
/// Meta.gitops_managed_by == "&lt;controller&gt;"</c>) and wakes exactly the NomadJob objects whose job moved: a new
/// <c>JobModifyIndex</c> (someone ran, edited or stopped it), or a job gone (purged). The object is found by the job's
/// <c>gitops_object</c> meta among the objects the <see cref="PrefixWatcher"/> knows. A quiet cluster costs one long
/// poll per wait period, whatever the number of jobs. The first list only records what is there (every object is
/// reconciled at start anyway). Drift that this list cannot show (while it fails, or of jobs in another region than
/// the client's) is still seen at each object's interval. The stubs are kept in the <see cref="OwnedJobCache"/>, which
/// the NomadJob controller reads to know, with no Nomad call, that a job is as it applied it.
/// </summary>
internal sealed class OwnedJobWatcher
{
    private readonly NomadClient nomad;
    private readonly WatchOptions settings;
    private readonly PrefixWatcher objects;
    private readonly OwnedJobCache cache;
    private readonly TimeProvider time;
    private readonly ILogger<OwnedJobWatcher> logger;
    private readonly Backoff backoff;

    /// <summary>A watcher of the jobs whose meta names <paramref name="settings"/>' controller.</summary>
    public OwnedJobWatcher(
        NomadClient nomad, WatchOptions settings, PrefixWatcher objects, OwnedJobCache cache, TimeProvider time, ILogger<OwnedJobWatcher> logger)
    {
        this.nomad = nomad;
        this.settings = settings;
        this.objects = objects;
        this.cache = cache;
        this.time = time;
        this.logger = logger;
        backoff = new Backoff(settings.Backoff, new Random());
    }

    /// <summary>The go-bexpr filter selecting the jobs owned by <paramref name="controllerName"/>.</summary>
    public static string FilterFor(string controllerName) =>
        $"Meta.{OwnershipMeta.ManagedByKey} == \"{controllerName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    /// <summary>Follows the owned jobs until <paramref name="ct"/> is cancelled, triggering the NomadJob controller through <paramref name="trigger"/>.</summary>
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
                    "owned jobs",
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

    // The first list only records: every object is reconciled at the start of a term anyway.
    private async Task<ulong> PassAsync(ulong index, bool first, IReconcileTrigger trigger, CancellationToken ct)
    {
        var query = new QueryOptions
        {
            Namespace = "*",
            Filter = FilterFor(settings.ControllerName),
            Index = index == 0 ? null : index,
            Wait = index == 0 ? null : settings.WatchWait,
        };
        QueryResult<IReadOnlyList<JobListStub>> list;
        try
        {
            list = await nomad.Jobs.ListAllAsync(query, meta: true, ct).ConfigureAwait(false);
        }
        catch
        {
            cache.Behind();
            throw;
        }

        var jobs = list.Value
            .Select(stub => new OwnedJob(stub.Namespace, stub.ID, stub.JobModifyIndex, stub.Stop, stub.Status, stub.Meta?.GetValueOrDefault(OwnershipMeta.ObjectKey)))
            .ToList();
        var (moved, gone) = cache.Apply(jobs, list.LastIndex);
        if (!first)
        {
            foreach (var (job, appeared) in moved)
            {
                Wake(trigger, job.Namespace, job.Id, job.ObjectPath, appeared ? "appeared" : "changed");
            }
        }

        foreach (var job in gone)
        {
            Wake(trigger, job.Namespace, job.Id, job.ObjectPath, "is gone");
        }

        // An index that went backwards (a restored snapshot) starts over with a plain list.
        return list.LastIndex < index ? 0 : Math.Max(list.LastIndex, 1);
    }

    private void Wake(IReconcileTrigger trigger, string ns, string jobId, string? objectPath, string what)
    {
        if (objectPath is not null && objects.FindByPath(objectPath) is { } key && key.Kind == ObjectKind.NomadJob)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Owned job {Namespace}/{JobId} {What}; queueing {Object}", ns, jobId, what, key);
            }

            trigger.Trigger(ControllerName.NomadJob, key);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Owned job {Namespace}/{JobId} {What}, but its meta names no NomadJob object this controller knows ({ObjectPath})", ns, jobId, what, objectPath ?? "none");
        }
    }
}

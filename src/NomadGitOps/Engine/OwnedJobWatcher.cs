using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;

namespace NomadGitOps.Engine;

/// <summary>
/// Follows the jobs this controller owns with one blocking list (<c>GET /v1/jobs?namespace=*&amp;meta=true&amp;filter=
/// Meta.gitops_managed_by == "&lt;controller&gt;"</c>) and wakes exactly the NomadJob objects whose job moved: a new
/// <c>JobModifyIndex</c> (someone ran, edited or stopped it), or a job gone (purged). The object is found by the job's
/// <c>gitops_object</c> meta among the objects the <see cref="PrefixWatcher"/> knows. A quiet cluster costs one long
/// poll per wait period, whatever the number of jobs. The first list only records what is there (every object is
/// reconciled at start anyway). Drift that this list cannot show (while it fails, or of jobs in another region than
/// the client's) is still seen at each object's interval.
/// </summary>
internal sealed class OwnedJobWatcher
{
    private readonly NomadClient nomad;
    private readonly EngineSettings settings;
    private readonly PrefixWatcher objects;
    private readonly TimeProvider time;
    private readonly ILogger<OwnedJobWatcher> logger;
    private readonly Backoff backoff;

    /// <summary>A watcher of the jobs whose meta names <paramref name="settings"/>' controller.</summary>
    public OwnedJobWatcher(NomadClient nomad, EngineSettings settings, PrefixWatcher objects, TimeProvider time, ILogger<OwnedJobWatcher> logger)
    {
        this.nomad = nomad;
        this.settings = settings;
        this.objects = objects;
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
        var known = new Dictionary<(string Namespace, string Id), OwnedJob>();
        await BlockingWatch.RunAsync((index, c) => PassAsync(index, known, trigger, c), "owned jobs", backoff, time, logger, ct)
            .ConfigureAwait(false);
    }

    private async Task<ulong> PassAsync(ulong index, Dictionary<(string, string), OwnedJob> known, IReconcileTrigger trigger, CancellationToken ct)
    {
        var query = new QueryOptions
        {
            Namespace = "*",
            Filter = FilterFor(settings.ControllerName),
            Index = index == 0 ? null : index,
            Wait = index == 0 ? null : settings.WatchWait,
        };
        var list = await nomad.Jobs.ListAllAsync(query, meta: true, ct).ConfigureAwait(false);
        var first = index == 0 && known.Count == 0;
        var seen = new HashSet<(string, string)>();
        foreach (var stub in list.Value)
        {
            var id = (stub.Namespace, stub.ID);
            seen.Add(id);
            var current = new OwnedJob(stub.JobModifyIndex, stub.Stop, stub.Meta?.GetValueOrDefault(OwnershipMeta.ObjectKey));
            var moved = !known.TryGetValue(id, out var previous) || previous != current;
            known[id] = current;
            if (moved && !first)
            {
                Wake(trigger, stub.Namespace, stub.ID, current.ObjectPath, previous is null ? "appeared" : "changed");
            }
        }

        foreach (var id in known.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            known.Remove(id, out var gone);
            Wake(trigger, id.Item1, id.Item2, gone!.ObjectPath, "is gone");
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

    /// <summary>What the watcher remembers of one owned job.</summary>
    private sealed record OwnedJob(ulong JobModifyIndex, bool Stop, string? ObjectPath);
}

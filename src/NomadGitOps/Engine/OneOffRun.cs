using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Engine;

/// <summary>
/// One-off mode (<c>NOMAD_GITOPS_ONE_OFF=true</c>, <c>run --once</c>): each controller once, in the order
/// GitRepository → NomadJobIndex → NomadJob, over every object of its kind listed when its turn comes plus any object
/// triggered for it during the run (each object at most once per controller), then a report. No leader lock is
/// taken: it is meant for CI and for clusters where no long-running controller acts.
/// </summary>
internal sealed class OneOffRun(
    IEnumerable<IReconciler> reconcilers,
    ObjectStore store,
    NomadClient nomad,
    EngineSettings settings,
    ReconcileTriggerRouter router,
    ILogger<OneOffRun> logger) : IReconcileTrigger
{
    private readonly Lock gate = new();
    private readonly Dictionary<ControllerName, SortedSet<ObjectKey>> pending = [];
    private readonly Dictionary<ControllerName, HashSet<ObjectKey>> done = [];
    private ControllerName? current;

    /// <summary>Runs every controller once and reports; Nomad errors while listing objects are thrown.</summary>
    public async Task<OneOffReport> RunAsync(CancellationToken ct)
    {
        var controllerPath = ObjectKey.ControllerPath(settings.Prefix);
        var controllerVariable = await nomad.Variables.ReadAsync(controllerPath, new QueryOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false);
        if (ControllerPause.IsSuspended(controllerVariable.Value?.Items))
        {
            logger.LogWarning("Controller paused: {Path} has suspend=true; nothing is reconciled", controllerPath);
            return new OneOffReport(true, []);
        }

        var results = new List<OneOffResult>();
        router.Attach(this);
        try
        {
            foreach (var reconciler in reconcilers.GroupBy(r => r.Name).Select(g => g.First()).OrderBy(r => r.Name))
            {
                results.AddRange(await RunControllerAsync(reconciler, ct).ConfigureAwait(false));
            }
        }
        finally
        {
            router.Detach(this);
        }

        return new OneOffReport(false, results);
    }

    /// <inheritdoc/>
    public void Trigger(ControllerName controller, ObjectKey key)
    {
        lock (gate)
        {
            // A controller whose turn is over is not run again.
            if (current is { } now && controller < now)
            {
                return;
            }

            if (!done.TryGetValue(controller, out var ran) || !ran.Contains(key))
            {
                PendingOf(controller).Add(key);
            }
        }
    }

    private async Task<List<OneOffResult>> RunControllerAsync(IReconciler reconciler, CancellationToken ct)
    {
        var (objects, _) = await store.ListAsync(reconciler.Kind, null, null, ct).ConfigureAwait(false);
        lock (gate)
        {
            current = reconciler.Name;
            PendingOf(reconciler.Name).UnionWith(objects.Select(o => o.Key));
            done[reconciler.Name] = [];
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("One-off: {Controller} over {Count} objects", reconciler.Name, objects.Count);
        }
        var results = new List<OneOffResult>();
        while (true)
        {
            List<ObjectKey> batch;
            lock (gate)
            {
                var ran = done[reconciler.Name];
                var queued = PendingOf(reconciler.Name);
                batch = [.. queued.Where(k => !ran.Contains(k))];
                queued.Clear();
                ran.UnionWith(batch);
            }

            if (batch.Count == 0)
            {
                break;
            }

            var batchResults = new OneOffResult[batch.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batch.Count),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct },
                async (i, token) => batchResults[i] = await ReconcileAsync(reconciler, batch[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            results.AddRange(batchResults);
        }

        return [.. results.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)];
    }

    private async Task<OneOffResult> ReconcileAsync(IReconciler reconciler, ObjectKey key, CancellationToken ct)
    {
        try
        {
            // What a controller did it logs itself; this adds failures and waits (one line each), the rest at Debug.
            using var scope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("Controller", reconciler.Name), new("Object", key) });
            var outcome = await reconciler.ReconcileAsync(key, ct).ConfigureAwait(false);
            var level = outcome switch
            {
                ReconcileOutcome.Stalled => LogLevel.Error,
                ReconcileOutcome.Failed => LogLevel.Warning,
                ReconcileOutcome.Waiting => LogLevel.Information,
                _ => LogLevel.Debug,
            };
            if (logger.IsEnabled(level))
            {
                logger.Log(level, "{Object} {Outcome} ({Reason}): {Message}", key, outcome.GetType().Name, outcome.Reason, outcome.Message);
            }

            return new OneOffResult(reconciler.Name, key, outcome.GetType().Name, outcome.Ready, outcome.Reason, outcome.Message, outcome.IsFailure);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "{Controller} {Object} failed unexpectedly: {Error}", reconciler.Name, key, e.Message);
            return new OneOffResult(reconciler.Name, key, "Error", ReadyState.False, e.GetType().Name, e.Message, true);
        }
    }

    private SortedSet<ObjectKey> PendingOf(ControllerName controller)
    {
        if (!pending.TryGetValue(controller, out var set))
        {
            set = new SortedSet<ObjectKey>(Comparer<ObjectKey>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString())));
            pending[controller] = set;
        }

        return set;
    }
}

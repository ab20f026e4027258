using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Engine;

/// <summary>
/// One work queue per controller for one leadership term. Routes triggers and watcher changes to the queues of the
/// controllers whose kind they name, runs each reconcile, and schedules the next from its outcome: the object's
/// interval, spread over it by a slot per object (<see cref="IntervalSpread"/>), when up to date, backoff after failures, the outcome's own delay when waiting, nothing when
/// stalled (a spec change wakes it). Keys taken while the controller is paused are held back until it resumes.
/// </summary>
internal sealed class ControllerQueues : IReconcileTrigger, IDisposable
{
    private readonly Dictionary<ControllerName, Lane> lanes = [];
    private readonly EngineSettings settings;
    private readonly PrefixWatcher watcher;
    private readonly ControllerPause pause;
    private readonly TimeProvider time;
    private readonly ILogger<ControllerQueues> logger;
    private readonly Backoff backoff;
    private readonly Lock gate = new();
    private readonly Dictionary<(ControllerName, ObjectKey), int> failures = [];
    private readonly Dictionary<(ControllerName, ObjectKey), ReconcileOutcome> lastOutcome = [];
    private readonly IReadOnlyList<IReconcileObserver> observers;

    /// <summary>
    /// Queues for <paramref name="reconcilers"/> (one per controller name; later duplicates are ignored); every outcome is
    /// also told to <paramref name="observers"/> (metrics, the status page).
    /// </summary>
    public ControllerQueues(
        IEnumerable<IReconciler> reconcilers,
        EngineSettings settings,
        Backoff backoff,
        PrefixWatcher watcher,
        ControllerPause pause,
        TimeProvider time,
        ILoggerFactory loggers,
        IReadOnlyList<IReconcileObserver>? observers = null)
    {
        this.settings = settings;
        this.observers = observers ?? [];
        this.watcher = watcher;
        this.pause = pause;
        this.time = time;
        logger = loggers.CreateLogger<ControllerQueues>();
        this.backoff = backoff;
        var options = new WorkQueueOptions { Workers = settings.Concurrency, DrainTimeout = settings.ShutdownTimeout };
        foreach (var reconciler in reconcilers)
        {
            if (!lanes.ContainsKey(reconciler.Name))
            {
                lanes[reconciler.Name] = new Lane(reconciler, new WorkQueue<ObjectKey>(options, time, loggers.CreateLogger($"NomadGitOps.Engine.WorkQueue.{reconciler.Name}")));
            }
        }
    }

    /// <summary>The queue of <paramref name="controller"/>; null when no such controller is registered.</summary>
    public WorkQueue<ObjectKey>? QueueOf(ControllerName controller) => lanes.GetValueOrDefault(controller)?.Queue;

    /// <inheritdoc/>
    public void Trigger(ControllerName controller, ObjectKey key)
    {
        if (lanes.TryGetValue(controller, out var lane))
        {
            lane.Queue.Enqueue(key);
        }
    }

    /// <inheritdoc/>
    public void TriggerBehind(ControllerName controller, ObjectKey key)
    {
        if (lanes.TryGetValue(controller, out var lane))
        {
            lane.Queue.EnqueueBehind(key);
        }
    }

    /// <summary>
    /// What the prefix watcher found: a new or changed object is queued for every controller of its kind; a deleted one
    /// gets one last reconcile (so a controller can clean up after it) and is then not scheduled again.
    /// </summary>
    public void OnChange(ObjectChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == ObjectChangeKind.SpecChanged && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Spec of {Object} changed; queueing it", change.Key);
        }

        foreach (var lane in lanes.Values.Where(l => l.Reconciler.Kind == change.Key.Kind))
        {
            if (change.Kind == ObjectChangeKind.Deleted)
            {
                Forget(lane.Reconciler.Name, change.Key);
            }

            lane.Queue.Enqueue(change.Key);
        }
    }

    /// <summary>Queues again the keys that were held back while the controller was paused.</summary>
    public void OnResumed(IReadOnlyList<(ControllerName Controller, ObjectKey Key)> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (var (controller, key) in held)
        {
            Trigger(controller, key);
        }
    }

    /// <summary>
    /// Runs every queue until <paramref name="stop"/> is cancelled (then lets reconciles in hand finish within the
    /// shutdown timeout); <paramref name="lost"/> cancels reconciles in hand at once.
    /// </summary>
    public Task RunAsync(CancellationToken stop, CancellationToken lost) =>
        Task.WhenAll(lanes.Values.Select(lane => lane.Queue.RunAsync((key, token) => ProcessAsync(lane, key, token, lost), stop)));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var lane in lanes.Values)
        {
            lane.Queue.Dispose();
        }
    }

    private async Task ProcessAsync(Lane lane, ObjectKey key, CancellationToken processToken, CancellationToken lost)
    {
        var controller = lane.Reconciler.Name;
        if (pause.TryHold(controller, key))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(processToken, lost);
        // Every event of the reconcile carries its controller and object (the JSON log's fields).
        using var scope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("Controller", controller), new("Object", key) });
        var started = time.GetTimestamp();
        ReconcileOutcome outcome;
        try
        {
            outcome = await lane.Reconciler.ReconcileAsync(key, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Reconcile of {Object} by {Controller} cancelled: leadership was lost", key, controller);
            }
            return;
        }

        var duration = time.GetElapsedTime(started);
        foreach (var observer in observers)
        {
            observer.Reconciled(controller, key, outcome, duration);
        }

        var watched = watcher.Find(key);
        var (consecutive, before) = RecordOutcome(controller, key, outcome, watched);
        TimeSpan? after = null;
        if (watched is null)
        {
            // Deleted (or not seen by the watcher yet, which queues it when it does): nothing to schedule.
            Forget(controller, key);
        }
        else
        {
            var interval = IntervalSpread.Next($"{controller}/{key}", watched.Interval ?? settings.DefaultInterval, time.GetUtcNow());
            after = outcome.RequeueAfter(interval, backoff.DelayAfter(consecutive));
            if (after is { } delay)
            {
                lane.Queue.EnqueueAfter(key, delay);
            }
        }

        LogOutcome(key, outcome, before, after, duration);
    }

    private (int Consecutive, ReconcileOutcome? Before) RecordOutcome(ControllerName controller, ObjectKey key, ReconcileOutcome outcome, WatchedObject? watched)
    {
        lock (gate)
        {
            var previous = failures.TryGetValue((controller, key), out var known) ? known : watched?.ConsecutiveFailures ?? 0;
            var consecutive = outcome.ConsecutiveFailures(previous);
            failures[(controller, key)] = consecutive;
            var before = lastOutcome.GetValueOrDefault((controller, key));
            lastOutcome[(controller, key)] = outcome;
            return (consecutive, before);
        }
    }

    // One line per outcome that changed. What a controller did (registered a job, found a new commit, indexed a
    // repository) it logs itself; the engine adds failures, waits and recoveries, which it alone sees whole
    // (the retry delay), and logs a repeated or quiet outcome only at Debug.
    private void LogOutcome(ObjectKey key, ReconcileOutcome outcome, ReconcileOutcome? before, TimeSpan? after, TimeSpan duration)
    {
        var changed = before is null || before.GetType() != outcome.GetType() || before.Reason != outcome.Reason;
        var recovered = before is { IsFailure: true } && !outcome.IsFailure;
        var level = !changed ? LogLevel.Debug : outcome switch
        {
            ReconcileOutcome.Stalled => LogLevel.Error,
            ReconcileOutcome.Failed => LogLevel.Warning,
            ReconcileOutcome.Waiting => LogLevel.Information,
            _ => recovered ? LogLevel.Information : LogLevel.Debug,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        using var scope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("DurationMs", (long)duration.TotalMilliseconds) });
        var next = after is { } delay ? $"retrying in {GoDuration.Format(TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)))}" : "waiting for a change to its spec";
        switch (outcome)
        {
            case ReconcileOutcome.Failed failed:
                logger.Log(level, failed.Exception, "{Object} failed ({Reason}): {Message}; {Next}", key, outcome.Reason, outcome.Message, next);
                break;
            case ReconcileOutcome.Stalled:
                logger.Log(level, "{Object} stalled ({Reason}): {Message}; {Next}", key, outcome.Reason, outcome.Message, next);
                break;
            case ReconcileOutcome.Waiting:
                logger.Log(level, "{Object} waiting ({Reason}): {Message}", key, outcome.Reason, outcome.Message);
                break;
            case ReconcileOutcome.UpToDate when recovered:
                logger.Log(level, "{Object} recovered ({Reason}): {Message}", key, outcome.Reason, outcome.Message);
                break;
            default:
                logger.Log(level, "{Object} up to date ({Reason}): {Message}", key, outcome.Reason, outcome.Message);
                break;
        }
    }

    private void Forget(ControllerName controller, ObjectKey key)
    {
        lock (gate)
        {
            failures.Remove((controller, key));
            lastOutcome.Remove((controller, key));
        }
    }

    private sealed record Lane(IReconciler Reconciler, WorkQueue<ObjectKey> Queue);
}

using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>
/// Follows the engine's <see cref="ObjectCache"/> and turns status transitions of GitRepositories and NomadJobs into
/// <see cref="AlertEvent"/>s on the <see cref="AlertQueue"/> (<see cref="StatusTransitions"/> decides which). It acts only
/// while this replica leads (the <c>isActing</c> function given): a standby's cache holds stray reads, so it tracks nothing and
/// sends nothing, and two replicas never both send. When a term begins (or the cache is emptied) everything is forgotten:
/// the first version seen of each object in a term is its baseline, so a restart or a new leader does not report again
/// what was failing already.
/// </summary>
internal sealed class AlertNotifier : IDisposable
{
    private readonly ObjectCache cache;
    private readonly AlertQueue queue;
    private readonly TimeProvider time;
    private readonly Func<bool> isActing;
    private readonly ILogger<AlertNotifier> logger;
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, TrackedObject> tracked = [];
    private bool acting;

    /// <summary>Subscribes to <paramref name="cache"/>; <paramref name="isActing"/> says whether this replica leads now.</summary>
    public AlertNotifier(ObjectCache cache, AlertQueue queue, TimeProvider time, Func<bool> isActing, ILogger<AlertNotifier> logger)
    {
        this.cache = cache;
        this.queue = queue;
        this.time = time;
        this.isActing = isActing;
        this.logger = logger;
        cache.Changed += OnChanged;
        cache.Emptied += OnEmptied;
    }

    /// <summary>How many objects are tracked now (for tests).</summary>
    public int Tracked
    {
        get
        {
            lock (gate)
            {
                return tracked.Count;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        cache.Changed -= OnChanged;
        cache.Emptied -= OnEmptied;
    }

    // Runs under the cache's lock: decide, enqueue, return; no I/O.
    private void OnChanged(ObjectCacheChange change)
    {
        if (change.Key.Kind is not (ObjectKind.GitRepository or ObjectKind.NomadJob))
        {
            return;
        }

        IReadOnlyList<AlertEvent> events;
        lock (gate)
        {
            if (!isActing())
            {
                acting = false;
                tracked.Clear();
                return;
            }

            if (!acting)
            {
                // A new term: what the cache held before (a standby's reads) says nothing about transitions.
                acting = true;
                tracked.Clear();
            }

            var (next, found) = StatusTransitions.Apply(tracked.GetValueOrDefault(change.Key), change, time.GetUtcNow());
            if (next is null)
            {
                tracked.Remove(change.Key);
            }
            else
            {
                tracked[change.Key] = next;
            }

            events = found;
        }

        foreach (var alertEvent in events)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Notification event {Event} for {Object} ({Reason})", AlertEventNames.Of(alertEvent.Kind), alertEvent.Object, alertEvent.Reason);
            }

            queue.Enqueue(alertEvent);
        }
    }

    private void OnEmptied()
    {
        lock (gate)
        {
            acting = false;
            tracked.Clear();
        }
    }
}

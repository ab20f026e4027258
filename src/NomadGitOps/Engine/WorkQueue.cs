using Microsoft.Extensions.Logging;

namespace NomadGitOps.Engine;

/// <summary>
/// A keyed work queue with a fixed number of workers, after client-go's workqueue: a key is never processed
/// twice at once; triggers for a key already waiting coalesce into one; a trigger while the key is being
/// processed queues it once more, to run after. <see cref="EnqueueAfter"/> schedules a key on the injected
/// <see cref="TimeProvider"/>, keeping the earliest of several schedules; taking a key to process drops its
/// schedule, as the handler decides the next one. On shutdown no new key starts and the keys in hand finish.
/// Two lanes: a key asked for now (<see cref="Enqueue"/>: a trigger, a spec change, drift) goes ahead of every key whose
/// schedule fell due (<see cref="EnqueueAfter"/>: interval re-checks, retries); a due key triggered while it waits moves
/// to the front lane. Each lane is first in, first out. <see cref="EnqueueBehind"/> puts a key in the back lane at once.
/// </summary>
/// <typeparam name="TKey">What identifies one piece of work (an object key).</typeparam>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly WorkQueueOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    // Waiting keys and their lane: true for the triggered lane, false for keys whose schedule fell due.
    private readonly Dictionary<TKey, bool> waiting = [];
    private readonly HashSet<TKey> processing = [];
    private readonly Dictionary<TKey, Scheduled> scheduled = [];
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly SemaphoreSlim available = new(0);
    // Lane entries are dropped lazily: an entry whose key no longer waits in that lane is skipped when taken.
    private readonly Queue<TKey> triggered = new();
    private readonly Queue<TKey> due = new();
    private bool stopping;

    /// <summary>A queue with <paramref name="options"/>, timing on <paramref name="timeProvider"/>.</summary>
    public WorkQueue(WorkQueueOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Keys waiting to be processed (not counting those in hand or scheduled for later).</summary>
    public int WaitingCount
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Keys being processed now.</summary>
    public int ProcessingCount
    {
        get
        {
            lock (gate)
            {
                return processing.Count;
            }
        }
    }

    /// <summary>Keys scheduled for later by <see cref="EnqueueAfter"/>.</summary>
    public int ScheduledCount
    {
        get
        {
            lock (gate)
            {
                return scheduled.Count;
            }
        }
    }

    /// <summary>
    /// Asks for <paramref name="key"/> to be processed as soon as a worker is free, ahead of keys whose schedule fell due;
    /// ignored after shutdown began.
    /// </summary>
    public void Enqueue(TKey key)
    {
        lock (gate)
        {
            EnqueueLocked(key, urgent: true);
        }
    }

    /// <summary>
    /// Asks for <paramref name="key"/> to be processed in the lane of keys whose schedule fell due: after every key asked
    /// for now. For work that records what a watch saw (a deployment's progress), which must not delay what a person or a
    /// new commit asked for. A key already waiting keeps its lane; ignored after shutdown began.
    /// </summary>
    public void EnqueueBehind(TKey key)
    {
        lock (gate)
        {
            EnqueueLocked(key, urgent: false);
        }
    }

    /// <summary>
    /// Asks for <paramref name="key"/> to be processed after <paramref name="delay"/>; when it is already scheduled,
    /// the earlier time wins. A delay of zero or less enqueues at once.
    /// </summary>
    public void EnqueueAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(key);
            return;
        }

        lock (gate)
        {
            if (stopping)
            {
                return;
            }

            var due = timeProvider.GetUtcNow() + delay;
            if (scheduled.TryGetValue(key, out var existing))
            {
                if (existing.Due <= due)
                {
                    return;
                }

                existing.Timer.Dispose();
            }

            var entry = new Scheduled(due);
            scheduled[key] = entry;
            entry.Timer = timeProvider.CreateTimer(_ => OnScheduleDue(key, entry), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Drops <paramref name="key"/> from the queue and its schedule (the object is gone); a run in hand finishes.</summary>
    public void Forget(TKey key)
    {
        lock (gate)
        {
            if (scheduled.Remove(key, out var entry))
            {
                entry.Timer.Dispose();
            }

            waiting.Remove(key);
            SignalIfIdleLocked();
        }
    }

    /// <summary>
    /// Runs the workers, each calling <paramref name="process"/> for one key at a time, until
    /// <paramref name="stoppingToken"/> is cancelled; then starts nothing new, lets the keys in hand finish (their token
    /// is cancelled only after <see cref="WorkQueueOptions.DrainTimeout"/>), and returns.
    /// </summary>
    public async Task RunAsync(Func<TKey, CancellationToken, Task> process, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        await using var onStop = stoppingToken.Register(() =>
        {
            BeginShutdown();
            drain.CancelAfter(options.DrainTimeout);
        });

        var workers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(() => WorkAsync(process, drain.Token, stoppingToken), CancellationToken.None));
        await Task.WhenAll(workers);
    }

    /// <summary>Completes when no key is waiting or being processed (scheduled keys do not count): for one-off runs and tests.</summary>
    public Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (IsIdleLocked())
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the schedules; call after <see cref="RunAsync"/> returned.</summary>
    public void Dispose()
    {
        BeginShutdown();
        available.Dispose();
    }

    private async Task WorkAsync(Func<TKey, CancellationToken, Task> process, CancellationToken processToken, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await available.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!TryTake(out var key))
            {
                continue;
            }

            try
            {
                await process(key, processToken);
            }
            catch (OperationCanceledException) when (processToken.IsCancellationRequested)
            {
                logger.LogWarning("Processing of {Key} was cancelled: shutdown did not wait longer", key);
            }
            catch (Exception e)
            {
                // Scheduled before the key is released, so that nobody sees the queue idle with the key forgotten.
                logger.LogError(e, "Processing of {Key} failed unexpectedly; trying again in {Delay}", key, options.RetryAfterError);
                EnqueueAfter(key, options.RetryAfterError);
            }
            finally
            {
                Release(key);
            }
        }
    }

    private bool TryTake(out TKey key)
    {
        lock (gate)
        {
            if (stopping || !(TryDequeueLocked(triggered, urgent: true, out key) || TryDequeueLocked(due, urgent: false, out key)))
            {
                key = default!;
                return false;
            }

            waiting.Remove(key);
            processing.Add(key);
            if (scheduled.Remove(key, out var entry))
            {
                entry.Timer.Dispose();
            }

            return true;
        }
    }

    private void Release(TKey key)
    {
        lock (gate)
        {
            processing.Remove(key);
            if (waiting.TryGetValue(key, out var urgent) && !stopping)
            {
                (urgent ? triggered : due).Enqueue(key);
                available.Release();
            }

            SignalIfIdleLocked();
        }
    }

    private void EnqueueLocked(TKey key, bool urgent)
    {
        if (stopping)
        {
            return;
        }

        if (waiting.TryGetValue(key, out var already))
        {
            if (urgent && !already)
            {
                // Due and now triggered: it moves to the front lane (its entry in the other lane is skipped).
                waiting[key] = true;
                if (!processing.Contains(key))
                {
                    triggered.Enqueue(key);
                    available.Release();
                }
            }

            return;
        }

        waiting[key] = urgent;
        if (processing.Contains(key))
        {
            return;
        }

        (urgent ? triggered : due).Enqueue(key);
        available.Release();
    }

    private bool TryDequeueLocked(Queue<TKey> lane, bool urgent, out TKey key)
    {
        while (lane.TryDequeue(out key!))
        {
            if (waiting.TryGetValue(key, out var inLane) && inLane == urgent && !processing.Contains(key))
            {
                return true;
            }
        }

        key = default!;
        return false;
    }

    private void OnScheduleDue(TKey key, Scheduled entry)
    {
        lock (gate)
        {
            if (!scheduled.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            scheduled.Remove(key);
            entry.Timer.Dispose();
            EnqueueLocked(key, urgent: false);
        }
    }

    private void BeginShutdown()
    {
        lock (gate)
        {
            stopping = true;
            foreach (var entry in scheduled.Values)
            {
                entry.Timer.Dispose();
            }

            scheduled.Clear();
            waiting.Clear();
            triggered.Clear();
            due.Clear();
            SignalIfIdleLocked();
        }
    }

    private bool IsIdleLocked() => waiting.Count == 0 && processing.Count == 0;

    private void SignalIfIdleLocked()
    {
        if (!IsIdleLocked())
        {
            return;
        }

        foreach (var waiter in idleWaiters)
        {
            waiter.TrySetResult();
        }

        idleWaiters.Clear();
    }

    private sealed class Scheduled(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}

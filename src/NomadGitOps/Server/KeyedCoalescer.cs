namespace NomadGitOps.Server;

/// <summary>
/// Runs one piece of background work per key, coalescing a burst: the first request runs at once; while that run and a
/// cool-down after it last, any number of further requests for the key make exactly one more run, at the end of the
/// cool-down. Ten deliveries within the cool-down thus cost two writes at most, and a lone one is not delayed at all.
/// Callers never wait for the work (a webhook is answered at once); <see cref="WhenIdleAsync"/> is for shutdown and tests.
/// </summary>
internal sealed class KeyedCoalescer<TKey> : IAsyncDisposable
    where TKey : notnull
{
    private readonly Func<TKey, CancellationToken, Task> work;
    private readonly Action<TKey, Exception> onError;
    private readonly TimeSpan coolDown;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, bool> pending = [];
    private readonly HashSet<Task> running = [];
    private readonly CancellationTokenSource stopping = new();
    private int runs;

    /// <summary>
    /// Work to run per key, at most once per <paramref name="coolDown"/> (measured on <paramref name="time"/>) after the
    /// first; <paramref name="onError"/> hears of failures (the work is not retried).
    /// </summary>
    public KeyedCoalescer(Func<TKey, CancellationToken, Task> work, Action<TKey, Exception> onError, TimeSpan coolDown, TimeProvider time)
    {
        this.work = work;
        this.onError = onError;
        this.coolDown = coolDown;
        this.time = time;
    }

    /// <summary>How many times the work ran, for tests and figures.</summary>
    public int Runs => Volatile.Read(ref runs);

    /// <summary>Asks for the work on <paramref name="key"/>: starts it, or, when it is running, marks one more run.</summary>
    public void Request(TKey key)
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (pending.ContainsKey(key))
            {
                pending[key] = true;
                return;
            }

            pending[key] = false;
            var task = Task.Run(() => RunAsync(key));
            running.Add(task);
            _ = task.ContinueWith(t => Forget(t), TaskScheduler.Default);
        }
    }

    /// <summary>Completes once no work is running or pending.</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (true)
        {
            Task[] snapshot;
            lock (gate)
            {
                snapshot = [.. running];
            }

            if (snapshot.Length == 0)
            {
                return;
            }

            await Task.WhenAll(snapshot).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Cancels work in hand and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await WhenIdleAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            stopping.Dispose();
        }
    }

    private async Task RunAsync(TKey key)
    {
        while (true)
        {
            try
            {
                Interlocked.Increment(ref runs);
                await work(key, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                onError(key, e);
            }

            if (coolDown > TimeSpan.Zero && !stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(coolDown, time, stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            lock (gate)
            {
                if (!pending[key] || stopping.IsCancellationRequested)
                {
                    pending.Remove(key);
                    return;
                }

                pending[key] = false;
            }
        }
    }

    private void Forget(Task task)
    {
        lock (gate)
        {
            running.Remove(task);
        }
    }
}

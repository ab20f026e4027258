namespace NomadGitOps.Objects;

/// <summary>
/// The writes of this process on their way to Nomad, by variable path. Nomad wakes blocking lists as soon as a write
/// is applied, before its answer is back with the writer: the prefix watcher can list the new index of a write of ours
/// before the store has put that write into the <see cref="ObjectCache"/>. Rather than read the variable back, the
/// watcher waits for the answer (<see cref="WhenAnsweredAsync"/>).
/// </summary>
internal sealed class WritesInFlight
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Pending> byPath = new(StringComparer.Ordinal);

    /// <summary>A write to <paramref name="path"/> is sent; dispose the result once its answer is handled.</summary>
    public IDisposable Begin(string path)
    {
        lock (gate)
        {
            if (byPath.TryGetValue(path, out var pending))
            {
                pending.Count++;
            }
            else
            {
                byPath[path] = new Pending();
            }
        }

        return new Answered(this, path);
    }

    /// <summary>
    /// Completes once no write to <paramref name="path"/> is on its way, or after <paramref name="limit"/> on
    /// <paramref name="time"/> (a slow answer: the caller reads from Nomad then). At once when none is.
    /// </summary>
    public async Task WhenAnsweredAsync(string path, TimeSpan limit, TimeProvider time, CancellationToken ct)
    {
        Task answered;
        lock (gate)
        {
            if (!byPath.TryGetValue(path, out var pending))
            {
                return;
            }

            answered = pending.Done.Task;
        }

        try
        {
            await answered.WaitAsync(limit, time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still unanswered: the caller asks Nomad.
        }
    }

    private void End(string path)
    {
        lock (gate)
        {
            if (byPath.TryGetValue(path, out var pending) && --pending.Count == 0)
            {
                byPath.Remove(path);
                pending.Done.TrySetResult();
            }
        }
    }

    private sealed class Pending
    {
        public int Count { get; set; } = 1;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Answered(WritesInFlight owner, string path) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.End(path);
            }
        }
    }
}

namespace Nomad.Emulator.State;

/// <summary>
/// The one index every write bumps, like Nomad's Raft log index, and the signal that wakes blocking
/// queries. Callers hold <see cref="EmulatorState.Sync"/> while they call <see cref="Next"/>.
/// </summary>
public sealed class RaftIndex
{
    private long _current = 1;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The index of the last write.</summary>
    public long Current => Interlocked.Read(ref _current);

    /// <summary>
    /// A task that completes at the next write. Take it <em>before</em> reading the data a blocking
    /// query watches, so no write can slip in between.
    /// </summary>
    public Task NextWrite => Volatile.Read(ref _changed).Task;

    /// <summary>Allocates the index of a new write.</summary>
    public long Next() => Interlocked.Increment(ref _current);

    /// <summary>Wakes every waiting blocking query; call it after the write is visible.</summary>
    public void Publish() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Nomad.Emulator.State;

/// <summary>
/// The server's lock TTL timers (<c>nomad/locks.go</c>): a lock lives 2×TTL after its acquire or last
/// renew; when that runs out the timer is gone (so a renew fails) and, LockDelay later, the lock is
/// removed from the variable with a write of its own. Timers run on the emulator's clock, so a
/// <c>FakeTimeProvider.Advance</c> fires them.
/// </summary>
public sealed class LockTimers(EmulatorState state)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ITimer> _ttl = new(StringComparer.Ordinal);
    private readonly List<ITimer> _delays = [];

    /// <summary>Starts the TTL timer of a newly acquired lock; a timer already running for the ID is kept (<c>CreateVariableLockTTLTimer</c>).</summary>
    public void Start(string ns, string path, StoredLock lockInfo)
    {
        lock (_sync)
        {
            if (_ttl.ContainsKey(lockInfo.Id))
            {
                return;
            }

            _ttl[lockInfo.Id] = state.Clock.CreateTimer(_ => Expire(ns, path, lockInfo), null, lockInfo.Ttl * 2, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Restarts the 2×TTL countdown; false when the timer is gone, i.e. the lock expired (<c>RenewTTLTimer</c>).</summary>
    public bool Renew(StoredLock lockInfo)
    {
        lock (_sync)
        {
            return _ttl.TryGetValue(lockInfo.Id, out var timer) && timer.Change(lockInfo.Ttl * 2, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the TTL timer after an explicit release (<c>RemoveVariableLockTTLTimer</c>).</summary>
    public void Stop(string lockId)
    {
        lock (_sync)
        {
            if (_ttl.Remove(lockId, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>Stops every timer (emulator reset).</summary>
    public void Clear()
    {
        lock (_sync)
        {
            foreach (var timer in _ttl.Values.Concat(_delays))
            {
                timer.Dispose();
            }

            _ttl.Clear();
            _delays.Clear();
        }
    }

    private void Expire(string ns, string path, StoredLock lockInfo)
    {
        lock (_sync)
        {
            if (!_ttl.Remove(lockInfo.Id, out var timer))
            {
                return;
            }

            timer.Dispose();
            _delays.Add(state.Clock.CreateTimer(_ => Invalidate(ns, path), null, lockInfo.LockDelay, Timeout.InfiniteTimeSpan));
        }
    }

    // invalidateVariableLock: a release without a lock ID, which removes whatever lock the variable holds.
    private void Invalidate(string ns, string path) =>
        state.Write(index => state.Variables.Release(ns, path, lockId: null, index));
}

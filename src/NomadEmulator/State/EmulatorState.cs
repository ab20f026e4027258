namespace Nomad.Emulator.State;

/// <summary>
/// Everything the emulated cluster holds, in memory. One lock (<see cref="Sync"/>) guards all tables,
/// which keeps every write atomic with its index, as a Raft apply is.
/// </summary>
public sealed class EmulatorState
{
    private readonly EmulatorOptions _options;

    /// <summary>Creates the empty tables of a new cluster.</summary>
    public EmulatorState(EmulatorOptions options)
    {
        _options = options;
        Acl = new(options);
        LockTimers = new(this);
    }

    /// <summary>Held for every read and write of the tables.</summary>
    public Lock Sync { get; } = new();

    /// <summary>The global write index.</summary>
    public RaftIndex Index { get; } = new();

    /// <summary>Variables and their locks.</summary>
    public VariablesTable Variables { get; } = new();

    /// <summary>The TTL and delay timers of variable locks.</summary>
    public LockTimers LockTimers { get; }

    /// <summary>Namespaces; <c>default</c> always exists.</summary>
    public NamespacesTable Namespaces { get; } = new();

    /// <summary>Jobs, their versions, evaluations and deployments.</summary>
    public JobsTable Jobs { get; } = new();

    /// <summary>Allocations placed for jobs (lazily, see <see cref="AllocationsTable"/>).</summary>
    public AllocationsTable Allocations { get; } = new();

    /// <summary>ACL policies and tokens.</summary>
    public AclTable Acl { get; }

    /// <summary>The clock of this emulator.</summary>
    public TimeProvider Clock => _options.TimeProvider;

    /// <summary>The options the emulator started with.</summary>
    public EmulatorOptions Options => _options;

    /// <summary>Unix nanoseconds now, as Nomad stores CreateTime/ModifyTime.</summary>
    public long NowUnixNano() => (Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>
    /// Runs <paramref name="write"/> under the lock with a freshly allocated index, then wakes
    /// blocking queries. Returns what the write returned.
    /// </summary>
    public T Write<T>(Func<long, T> write)
    {
        T result;
        lock (Sync)
        {
            result = write(Index.Next());
        }

        Index.Publish();
        return result;
    }

    /// <summary>Runs <paramref name="read"/> under the lock.</summary>
    public T Read<T>(Func<T> read)
    {
        lock (Sync)
        {
            return read();
        }
    }

    /// <summary>Empties the variables, namespaces and ACL tables and stops lock timers (<c>/_emulator/reset</c>).</summary>
    public void Reset()
    {
        LockTimers.Clear();
        lock (Sync)
        {
            Variables.Clear();
            Namespaces.Clear();
        }

        Acl.Clear();
        Index.Publish();
    }
}

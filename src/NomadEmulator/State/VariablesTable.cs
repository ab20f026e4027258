namespace Nomad.Emulator.State;

/// <summary>
/// Variables by namespace and path, with their locks. Every method runs under
/// <see cref="EmulatorState.Sync"/>; writes take the index <see cref="EmulatorState.Write{T}"/> allocated.
/// The checks follow <c>nomad/state/state_store_variables.go</c> (<c>varSetTxn</c>, <c>varSetCASTxn</c>,
/// <c>svDeleteTxn</c>, <c>svDeleteCASTxn</c>, <c>VarLockAcquire</c>, <c>VarLockRelease</c>).
/// </summary>
public sealed class VariablesTable
{
    private readonly Dictionary<(string Namespace, string Path), StoredVariable> _variables = [];

    /// <summary>The index of the last write to the table (Nomad's <c>index</c> table entry for <c>variables</c>).</summary>
    public long TableIndex { get; private set; }

    /// <summary>The variable at <paramref name="path"/>, or null.</summary>
    public StoredVariable? Get(string ns, string path) => _variables.GetValueOrDefault((ns, path));

    /// <summary>Every variable in <paramref name="ns"/> (or every namespace for <c>*</c>) under the prefix, sorted by namespace then path.</summary>
    public IReadOnlyList<StoredVariable> List(string ns, string prefix) => Select(_variables.Values, ns, prefix);

    /// <summary>
    /// Every variable as it is now, unsorted: a copy of references to immutable records, so a list can be filtered, sorted
    /// and encoded (<see cref="Select"/>) after the state lock is let go, as Nomad answers reads from a snapshot without
    /// holding up writes.
    /// </summary>
    public StoredVariable[] Snapshot() => [.. _variables.Values];

    /// <summary>Those of <paramref name="variables"/> in <paramref name="ns"/> (or every namespace for <c>*</c>) under the prefix, sorted by namespace then path.</summary>
    public static IReadOnlyList<StoredVariable> Select(IEnumerable<StoredVariable> variables, string ns, string prefix) =>
    [
        .. variables
            .Where(v => (ns == "*" || v.Namespace == ns) && v.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Namespace, StringComparer.Ordinal)
            .ThenBy(v => v.Path, StringComparer.Ordinal),
    ];

    /// <summary>Forgets every variable.</summary>
    public void Clear()
    {
        _variables.Clear();
        TableIndex = 0;
    }

    /// <summary>
    /// Writes items (<c>VarOpSet</c>, or <c>VarOpCAS</c> when <paramref name="cas"/> is set). A locked
    /// variable only takes a write that names its lock ID.
    /// </summary>
    public VariableWriteResult Set(
        string ns, string path, IReadOnlyDictionary<string, string> items, StoredLock? requestLock, long? cas, long index, long now)
    {
        var existing = Get(ns, path);
        if (cas is { } expected)
        {
            if (expected == 0 && existing is not null)
            {
                return Conflict(existing, index);
            }

            if (expected != 0 && existing is null)
            {
                return Conflict(StoredVariable.Zero(ns, path), index);
            }

            if (existing is not null && existing.ModifyIndex != expected)
            {
                return Conflict(existing, index);
            }
        }

        return Store(ns, path, items, requestLock, index, now);
    }

    /// <summary>Takes (or re-takes with the same ID) the variable's lock and writes the items (<c>VarLockAcquire</c>).</summary>
    public VariableWriteResult Acquire(
        string ns, string path, IReadOnlyDictionary<string, string> items, StoredLock requestLock, long index, long now) =>
        Store(ns, path, items, requestLock, index, now);

    /// <summary>Deletes (<c>VarOpDelete</c>, or <c>VarOpDeleteCAS</c> when <paramref name="cas"/> is set); a missing variable is a no-op.</summary>
    public VariableWriteResult Delete(string ns, string path, long? cas, long index)
    {
        var existing = Get(ns, path);
        if (cas is { } expected)
        {
            if (expected == 0 && existing is null)
            {
                return new VariableWriteResult(VariableWriteOutcome.Ok, null, null, index);
            }

            if (expected != 0 && existing is null)
            {
                return Conflict(StoredVariable.Zero(ns, path), index);
            }

            if (existing!.ModifyIndex != expected)
            {
                return Conflict(existing, index);
            }
        }

        if (existing is null)
        {
            return new VariableWriteResult(VariableWriteOutcome.Ok, null, null, index);
        }

        if (existing.Lock is not null)
        {
            // A delete carries no lock, so a locked variable is always in conflict (isLocked).
            return Conflict(StoredVariable.Zero(ns, path), index);
        }

        _variables.Remove((ns, path));
        TableIndex = index;
        return new VariableWriteResult(VariableWriteOutcome.Ok, null, null, index);
    }

    /// <summary>
    /// Removes the lock (<c>VarLockRelease</c>). A null <paramref name="lockId"/> removes any lock, as the
    /// server does when a lock's delay runs out (<c>nomad/locks.go</c>, <c>invalidateVariableLock</c>).
    /// ModifyTime is kept; ModifyIndex moves.
    /// </summary>
    public VariableWriteResult Release(string ns, string path, string? lockId, long index)
    {
        var existing = Get(ns, path);
        if (existing is null)
        {
            return new VariableWriteResult(VariableWriteOutcome.Error, null, VariablesErrors.VariableDoesNotExist, index);
        }

        if (existing.Lock is null || existing.Lock.Id.Length == 0)
        {
            return new VariableWriteResult(VariableWriteOutcome.Error, null, VariablesErrors.LockNotFound, index);
        }

        if (lockId is not null && lockId != existing.Lock.Id)
        {
            return Conflict(StoredVariable.Zero(ns, path), index);
        }

        var released = existing with { Lock = null, ModifyIndex = index };
        _variables[(ns, path)] = released;
        TableIndex = index;
        return new VariableWriteResult(VariableWriteOutcome.Ok, released, null, index);
    }

    private VariableWriteResult Store(
        string ns, string path, IReadOnlyDictionary<string, string> items, StoredLock? requestLock, long index, long now)
    {
        var existing = Get(ns, path);
        StoredVariable stored;
        if (existing is not null)
        {
            if (existing.Lock is not null && existing.Lock.Id != requestLock?.Id)
            {
                return Conflict(StoredVariable.Zero(ns, path), index);
            }

            // Every write re-encrypts the items, so Nomad's "unchanged" shortcut never applies: ModifyIndex moves.
            stored = existing with { Items = items, ModifyIndex = index, ModifyTime = now, Lock = requestLock };
        }
        else
        {
            stored = new StoredVariable(ns, path, items, index, now, index, now, requestLock);
        }

        _variables[(ns, path)] = stored;
        TableIndex = index;
        return new VariableWriteResult(VariableWriteOutcome.Ok, stored, null, index);
    }

    private static VariableWriteResult Conflict(StoredVariable current, long index) =>
        new(VariableWriteOutcome.Conflict, current, null, index);
}

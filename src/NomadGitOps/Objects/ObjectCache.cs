namespace NomadGitOps.Objects;

/// <summary>
/// Every object under the prefix as last seen, with its ModifyIndex: filled by the prefix watcher's blocking list (it
/// reads only the variables whose ModifyIndex moved) and by the <see cref="ObjectStore"/>'s own writes, which put what
/// they wrote with the index Nomad answered (read-your-writes). While <see cref="IsPrimed"/> (the watcher has listed the
/// prefix once in this leadership term) the store answers reads from here and never GETs an object; a CAS conflict
/// marks that one object stale, so the next read of it goes to Nomad. Outside a term (standing by, <c>run --once</c>)
/// it is empty and unprimed and every read goes to Nomad.
/// </summary>
/// <remarks>
/// Entries only move forward: an answer older than the entry (a watcher read that raced a write of ours) is dropped.
/// The read API (<see cref="Find"/>, <see cref="List"/>) is for anything that wants to show objects without asking Nomad;
/// <see cref="Changed"/> and <see cref="Emptied"/> tell a follower (the notifier) of every new version, in order.
/// </remarks>
internal sealed class ObjectCache(ObjectStoreOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, CachedObject> byKey = [];
    private readonly Dictionary<string, ObjectKey> keyByPath = new(StringComparer.Ordinal);
    private readonly HashSet<ObjectKey> stale = [];
    private bool primed;

    /// <summary>
    /// Raised under the cache's lock, in order, after an entry got a newer version (<see cref="ObjectCacheChange.Current"/>)
    /// or was removed (<c>null</c>). Handlers must return at once and never call back into the cache.
    /// </summary>
    public event Action<ObjectCacheChange>? Changed;

    /// <summary>Raised under the cache's lock when <see cref="Reset"/> emptied it (a leadership term ended).</summary>
    public event Action? Emptied;

    /// <summary>The writes of this process whose answer from Nomad is not in the cache yet.</summary>
    public WritesInFlight Writes { get; } = new();

    /// <summary>True once the watcher listed the prefix in this term: an object not here does not exist.</summary>
    public bool IsPrimed
    {
        get
        {
            lock (gate)
            {
                return primed;
            }
        }
    }

    /// <summary>How many objects are cached.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byKey.Count;
            }
        }
    }

    /// <summary>The object as last seen; null when not cached.</summary>
    public StoredObject? Find(ObjectKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            return byKey.GetValueOrDefault(key)?.Object;
        }
    }

    /// <summary>Every cached object of <paramref name="kind"/>, sorted by key.</summary>
    public IReadOnlyList<StoredObject> List(ObjectKind kind)
    {
        lock (gate)
        {
            return [.. byKey.Values.Select(e => e.Object).Where(o => o.Key.Kind == kind).OrderBy(o => o.Key.ToString(), StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// What a read of <paramref name="key"/> can be answered with without Nomad: true with the object (null: it does not
    /// exist) while primed and the object is not stale; false when Nomad must be asked.
    /// </summary>
    public bool TryRead(ObjectKey key, out StoredObject? found)
    {
        lock (gate)
        {
            found = byKey.GetValueOrDefault(key)?.Object;
            return primed && !stale.Contains(key);
        }
    }

    /// <summary>The entry of the variable at <paramref name="path"/>, when cached.</summary>
    public CachedObject? FindByPath(string path)
    {
        lock (gate)
        {
            return keyByPath.TryGetValue(path, out var key) ? byKey.GetValueOrDefault(key) : null;
        }
    }

    /// <summary>An object as read from Nomad (by the watcher, or by the store when the cache could not answer).</summary>
    public void Observed(StoredObject read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (gate)
        {
            stale.Remove(read.Key);
            if (byKey.TryGetValue(read.Key, out var known) && known.Object.ModifyIndex >= read.ModifyIndex)
            {
                return;
            }

            Put(new CachedObject(read, SpecHash.Of(read.Items), null));
        }
    }

    /// <summary>
    /// What this process just wrote with CAS onto the version at <paramref name="baseIndex"/> with items
    /// <paramref name="baseItems"/> (null and 0 for a create); <paramref name="written"/> carries the index Nomad answered.
    /// </summary>
    public void Written(StoredObject written, IReadOnlyDictionary<string, string>? baseItems, ulong baseIndex)
    {
        ArgumentNullException.ThrowIfNull(written);
        lock (gate)
        {
            if (written.ModifyIndex == 0)
            {
                // No index in Nomad's answer: the next read asks Nomad.
                stale.Add(written.Key);
                return;
            }

            stale.Remove(written.Key);
            var known = byKey.GetValueOrDefault(written.Key);
            if (known is not null && known.Object.ModifyIndex > written.ModifyIndex)
            {
                return;
            }

            // A chain of our own writes keeps the spec of the first one's base: that is what the watcher last saw.
            var before = known is { OwnWrite: { } own } && known.Object.ModifyIndex == baseIndex
                ? own
                : new OwnWrite(baseItems is null ? null : SpecHash.Of(baseItems));
            Put(new CachedObject(written, SpecHash.Of(written.Items), before));
        }
    }

    /// <summary>This process deleted <paramref name="key"/>.</summary>
    public void Deleted(ObjectKey key)
    {
        lock (gate)
        {
            Remove(key);
        }
    }

    /// <summary>The cached version of <paramref name="key"/> is known to be behind: its next read goes to Nomad.</summary>
    public void Invalidate(ObjectKey key)
    {
        lock (gate)
        {
            stale.Add(key);
        }
    }

    /// <summary>
    /// The watcher's list at <paramref name="listIndex"/> no longer holds <paramref name="key"/>: it is dropped unless a
    /// write of ours newer than the list put it there.
    /// </summary>
    public void Gone(ObjectKey key, ulong listIndex)
    {
        lock (gate)
        {
            if (byKey.TryGetValue(key, out var known) && known.Object.ModifyIndex <= listIndex)
            {
                Remove(key);
            }
        }
    }

    /// <summary>The watcher listed the whole prefix: from now on an object not cached does not exist.</summary>
    public void Prime()
    {
        lock (gate)
        {
            primed = true;
        }
    }

    /// <summary>Empties the cache and stops answering reads (a term ends, or a new one starts).</summary>
    public void Reset()
    {
        lock (gate)
        {
            primed = false;
            byKey.Clear();
            keyByPath.Clear();
            stale.Clear();
            Emptied?.Invoke();
        }
    }

    private void Put(CachedObject entry)
    {
        byKey[entry.Object.Key] = entry;
        keyByPath[entry.Object.Key.ToPath(options.Prefix)] = entry.Object.Key;
        Changed?.Invoke(new ObjectCacheChange(entry.Object.Key, entry.Object));
    }

    private void Remove(ObjectKey key)
    {
        if (byKey.Remove(key))
        {
            Changed?.Invoke(new ObjectCacheChange(key, null));
        }

        keyByPath.Remove(key.ToPath(options.Prefix));
        stale.Remove(key);
    }
}

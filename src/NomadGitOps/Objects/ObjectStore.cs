using Microsoft.Extensions.Logging;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// The objects of DESIGN §1 as Nomad variables under one prefix and namespace. Every write is a CAS write;
/// a status write that meets a conflict re-reads the variable, keeps every item it does not own (a person's
/// spec edit, another controller's status) and tries again, so nothing anyone else wrote is lost.
/// With an <see cref="ObjectCache"/> (the engine's), reads are answered from it while the prefix watcher keeps it
/// primed, every write puts what it wrote there with the index Nomad answered, and a conflict marks the object stale.
/// </summary>
internal sealed class ObjectStore(NomadClient nomad, ObjectStoreOptions options, ILogger<ObjectStore> logger, ObjectCache? cache = null)
{
    private const int MaxConflictRetries = 10;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The variable path prefix, e.g. <c>nomad-gitops/v1</c>.</summary>
    public string Prefix => options.Prefix;

    /// <summary>Reads one object (from the cache when it can answer); null when its variable does not exist.</summary>
    public async Task<StoredObject?> ReadAsync(ObjectKey key, CancellationToken ct)
    {
        if (cache is not null && cache.TryRead(key, out var cached))
        {
            return cached;
        }

        var read = await nomad.Variables.ReadAsync(key.ToPath(options.Prefix), Query(), ct).ConfigureAwait(false);
        var found = read.Value is { } variable ? new StoredObject(key, variable.Items ?? Empty, variable.ModifyIndex) : null;
        if (found is not null)
        {
            cache?.Observed(found);
        }

        return found;
    }

    /// <summary>
    /// The keys of every object of <paramref name="kind"/>, with the list's index (for a blocking follow-up via
    /// <paramref name="waitIndex"/>). A shortened path (very long job IDs) is resolved by reading its items.
    /// </summary>
    public async Task<(IReadOnlyList<(ObjectKey Key, ulong ModifyIndex)> Objects, ulong Index)> ListAsync(
        ObjectKind kind, ulong? waitIndex, TimeSpan? wait, CancellationToken ct)
    {
        if (waitIndex is null && cache is { IsPrimed: true })
        {
            return ([.. cache.List(kind).Select(o => (o.Key, o.ModifyIndex))], 0);
        }

        var query = Query() with { Prefix = ObjectKey.KindPrefix(options.Prefix, kind), Index = waitIndex, Wait = wait };
        var list = await nomad.Variables.ListAllAsync(query, ct).ConfigureAwait(false);
        var keys = new List<(ObjectKey, ulong)>(list.Value.Count);
        foreach (var meta in list.Value)
        {
            if (ObjectKey.TryParsePath(options.Prefix, meta.Path, out var key) && key.Kind == kind)
            {
                keys.Add((key, meta.ModifyIndex));
            }
            else if (ObjectKey.IsShortenedPath(options.Prefix, meta.Path)
                && await nomad.Variables.ReadAsync(meta.Path, Query(), ct).ConfigureAwait(false) is { Value.Items: { } items }
                && ObjectKey.FromVariable(options.Prefix, meta.Path, items) is { } resolved && resolved.Kind == kind)
            {
                keys.Add((resolved, meta.ModifyIndex));
            }
            else
            {
                logger.LogWarning("Ignoring variable {Path}: it is under the object prefix but is not a {Kind} object path", meta.Path, kind);
            }
        }

        return (keys, list.LastIndex);
    }

    /// <summary>True while reads and lists are answered from the object cache, without a Nomad call.</summary>
    public bool AnswersFromCache => cache is { IsPrimed: true };

    /// <summary>
    /// Every object of <paramref name="kind"/> with its items: from the cache while it answers, else one list and one
    /// read per object.
    /// </summary>
    public async Task<IReadOnlyList<StoredObject>> ListObjectsAsync(ObjectKind kind, CancellationToken ct)
    {
        var (keys, _) = await ListAsync(kind, waitIndex: null, wait: null, ct).ConfigureAwait(false);
        var objects = new List<StoredObject>(keys.Count);
        foreach (var (key, _) in keys)
        {
            if (await ReadAsync(key, ct).ConfigureAwait(false) is { } found)
            {
                objects.Add(found);
            }
        }

        return objects;
    }

    /// <summary>Creates an object only if it does not exist (<c>cas=0</c>); false when it already exists.</summary>
    public async Task<bool> CreateAsync(ObjectKey key, IReadOnlyDictionary<string, string> items, CancellationToken ct)
    {
        using var sending = Sending(key);
        var result = await nomad.Variables.PutAsync(Variable(key, items), cas: 0, Write(), ct).ConfigureAwait(false);
        return Remember(key, items, null, 0, result);
    }

    /// <summary>
    /// Replaces the whole item set if the object is still at <paramref name="modifyIndex"/>; false on a conflict
    /// (someone wrote in between: re-read and decide again). A write <paramref name="onBehalfOfPerson"/> (the HTTP
    /// API, a webhook) is cached as if read from Nomad, so the watcher wakes the controllers for it as for any edit;
    /// a controller's own write wakes nothing (the controller that wrote it acts on it).
    /// </summary>
    public async Task<bool> ReplaceAsync(
        ObjectKey key, IReadOnlyDictionary<string, string> items, ulong modifyIndex, CancellationToken ct, bool onBehalfOfPerson = false)
    {
        using var sending = Sending(key);
        var result = await nomad.Variables.PutAsync(Variable(key, items), cas: modifyIndex, Write(), ct).ConfigureAwait(false);
        if (onBehalfOfPerson && result is VariableWriteResult.Written { Variable: var written })
        {
            cache?.Observed(new StoredObject(key, items, written.ModifyIndex));
            return true;
        }

        return Remember(key, items, cache?.Find(key) is { } known && known.ModifyIndex == modifyIndex ? known.Items : null, modifyIndex, result);
    }

    /// <summary>Deletes the object if it is still at <paramref name="modifyIndex"/>; false on a conflict.</summary>
    public async Task<bool> DeleteAsync(ObjectKey key, ulong modifyIndex, CancellationToken ct)
    {
        using var sending = Sending(key);
        var result = await nomad.Variables.DeleteAsync(key.ToPath(options.Prefix), cas: modifyIndex, Write(), ct).ConfigureAwait(false);
        if (result is VariableDeleteResult.Deleted)
        {
            cache?.Deleted(key);
            return true;
        }

        cache?.Invalidate(key);
        return false;
    }

    /// <summary>
    /// Writes one writer's status items onto <paramref name="current"/>: nothing is sent when they are already
    /// as wanted; on a CAS conflict the variable is re-read and only the patch's own keys re-applied.
    /// </summary>
    public async Task<StatusWriteResult> WriteStatusAsync(StoredObject current, StatusPatch patch, CancellationToken ct)
    {
        using var sending = Sending(current.Key);
        var items = current.Items;
        var modifyIndex = current.ModifyIndex;
        var merged = false;
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var merge = StatusMerge.Apply(items, patch);
            if (!merge.Changed)
            {
                return StatusWriteResult.Unchanged;
            }

            var result = await nomad.Variables.PutAsync(Variable(current.Key, merge.Items), cas: modifyIndex, Write(), ct).ConfigureAwait(false);
            switch (result)
            {
                case VariableWriteResult.Written { Variable: var written }:
                    var stored = new StoredObject(current.Key, merge.Items, written.ModifyIndex);
                    if (merged)
                    {
                        // Merged onto someone else's write: the watcher must still judge their spec change.
                        cache?.Observed(stored);
                    }
                    else
                    {
                        cache?.Written(stored, items, modifyIndex);
                    }

                    return StatusWriteResult.Written;
                case VariableWriteResult.Conflict { Current: { ModifyIndex: 0 } }:
                    cache?.Invalidate(current.Key);
                    return StatusWriteResult.Gone;
                case VariableWriteResult.Conflict { Current: var other }:
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Status write of {Object} met a concurrent write; merging onto index {Index}", current.Key, other.ModifyIndex);
                    }

                    merged = true;
                    cache?.Invalidate(current.Key);
                    items = other.Items ?? await ReadItemsAsync(current.Key, ct).ConfigureAwait(false) ?? Empty;
                    modifyIndex = other.ModifyIndex;
                    break;
            }
        }

        throw new InvalidOperationException($"Status of {current.Key} could not be written: the variable changed {MaxConflictRetries} times in a row while writing.");
    }

    // A write of ours goes into the cache with the index Nomad answered; a conflict makes the next read ask Nomad.
    private bool Remember(
        ObjectKey key, IReadOnlyDictionary<string, string> items, IReadOnlyDictionary<string, string>? baseItems, ulong baseIndex, VariableWriteResult result)
    {
        if (result is VariableWriteResult.Written { Variable: var written })
        {
            cache?.Written(new StoredObject(key, items, written.ModifyIndex), baseItems, baseIndex);
            return true;
        }

        cache?.Invalidate(key);
        return false;
    }

    // Until the answer is in the cache, the watcher waits for it instead of reading the variable back.
    private IDisposable? Sending(ObjectKey key) => cache?.Writes.Begin(key.ToPath(options.Prefix));

    private async Task<IReadOnlyDictionary<string, string>?> ReadItemsAsync(ObjectKey key, CancellationToken ct) =>
        (await ReadAsync(key, ct).ConfigureAwait(false))?.Items;

    private Variable Variable(ObjectKey key, IReadOnlyDictionary<string, string> items) =>
        new() { Namespace = options.Namespace, Path = key.ToPath(options.Prefix), Items = items };

    private QueryOptions Query() => new() { Namespace = options.Namespace };

    private WriteOptions Write() => new() { Namespace = options.Namespace };
}

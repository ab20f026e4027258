using System.Collections.Concurrent;
using NomadGitOps.Objects;

namespace NomadGitOps.Server;

/// <summary>
/// Lists the objects of one kind for the HTTP server with one Nomad list call, reading again only the variables whose
/// ModifyIndex moved since the last list (every replica serves HTTP, standbys included, so this cannot lean on the
/// leader's watcher). A delivery thus costs one list, not a read per object.
/// </summary>
internal sealed class ObjectListCache(ObjectStore store)
{
    private readonly ConcurrentDictionary<ObjectKey, StoredObject> cache = new();

    /// <summary>Every object of <paramref name="kind"/> as stored now.</summary>
    public async Task<IReadOnlyList<StoredObject>> ListAsync(ObjectKind kind, CancellationToken ct)
    {
        var (listed, _) = await store.ListAsync(kind, waitIndex: null, wait: null, ct).ConfigureAwait(false);
        var result = new List<StoredObject>(listed.Count);
        foreach (var (key, modifyIndex) in listed)
        {
            if (cache.TryGetValue(key, out var known) && known.ModifyIndex == modifyIndex)
            {
                result.Add(known);
                continue;
            }

            if (await store.ReadAsync(key, ct).ConfigureAwait(false) is { } read)
            {
                cache[key] = read;
                result.Add(read);
            }
        }

        var present = listed.Select(l => l.Key).ToHashSet();
        foreach (var gone in cache.Keys.Where(k => k.Kind == kind && !present.Contains(k)))
        {
            cache.TryRemove(gone, out _);
        }

        return result;
    }
}

using Microsoft.Extensions.Logging;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// The objects of DESIGN §1 as Nomad variables under one prefix and namespace. Every write is a CAS write;
/// a status write that meets a conflict re-reads the variable, keeps every item it does not own (a person's
/// spec edit, another controller's status) and tries again, so nothing anyone else wrote is lost.
/// </summary>
internal sealed class ObjectStore(NomadClient nomad, ObjectStoreOptions options, ILogger<ObjectStore> logger)
{
    private const int MaxConflictRetries = 10;

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The variable path prefix, e.g. <c>nomad-gitops/v1</c>.</summary>
    public string Prefix => options.Prefix;

    /// <summary>Reads one object; null when its variable does not exist.</summary>
    public async Task<StoredObject?> ReadAsync(ObjectKey key, CancellationToken ct)
    {
        var read = await nomad.Variables.ReadAsync(key.ToPath(options.Prefix), Query(), ct).ConfigureAwait(false);
        return read.Value is { } variable ? new StoredObject(key, variable.Items ?? Empty, variable.ModifyIndex) : null;
    }

    /// <summary>
    /// The keys of every object of <paramref name="kind"/>, with the list's index (for a blocking follow-up via
    /// <paramref name="waitIndex"/>). A shortened path (very long job IDs) is resolved by reading its items.
    /// </summary>
    public async Task<(IReadOnlyList<(ObjectKey Key, ulong ModifyIndex)> Objects, ulong Index)> ListAsync(
        ObjectKind kind, ulong? waitIndex, TimeSpan? wait, CancellationToken ct)
    {
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

    /// <summary>Creates an object only if it does not exist (<c>cas=0</c>); false when it already exists.</summary>
    public async Task<bool> CreateAsync(ObjectKey key, IReadOnlyDictionary<string, string> items, CancellationToken ct)
    {
        var result = await nomad.Variables.PutAsync(Variable(key, items), cas: 0, Write(), ct).ConfigureAwait(false);
        return result is VariableWriteResult.Written;
    }

    /// <summary>
    /// Replaces the whole item set if the object is still at <paramref name="modifyIndex"/>; false on a conflict
    /// (someone wrote in between: re-read and decide again).
    /// </summary>
    public async Task<bool> ReplaceAsync(ObjectKey key, IReadOnlyDictionary<string, string> items, ulong modifyIndex, CancellationToken ct)
    {
        var result = await nomad.Variables.PutAsync(Variable(key, items), cas: modifyIndex, Write(), ct).ConfigureAwait(false);
        return result is VariableWriteResult.Written;
    }

    /// <summary>Deletes the object if it is still at <paramref name="modifyIndex"/>; false on a conflict.</summary>
    public async Task<bool> DeleteAsync(ObjectKey key, ulong modifyIndex, CancellationToken ct)
    {
        var result = await nomad.Variables.DeleteAsync(key.ToPath(options.Prefix), cas: modifyIndex, Write(), ct).ConfigureAwait(false);
        return result is VariableDeleteResult.Deleted;
    }

    /// <summary>
    /// Writes one writer's status items onto <paramref name="current"/>: nothing is sent when they are already
    /// as wanted; on a CAS conflict the variable is re-read and only the patch's own keys re-applied.
    /// </summary>
    public async Task<StatusWriteResult> WriteStatusAsync(StoredObject current, StatusPatch patch, CancellationToken ct)
    {
        var items = current.Items;
        var modifyIndex = current.ModifyIndex;
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
                case VariableWriteResult.Written:
                    return StatusWriteResult.Written;
                case VariableWriteResult.Conflict { Current: { ModifyIndex: 0 } }:
                    return StatusWriteResult.Gone;
                case VariableWriteResult.Conflict { Current: var stored }:
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogDebug("Status write of {Object} met a concurrent write; merging onto index {Index}", current.Key, stored.ModifyIndex);
                    }

                    items = stored.Items ?? await ReadItemsAsync(current.Key, ct).ConfigureAwait(false) ?? Empty;
                    modifyIndex = stored.ModifyIndex;
                    break;
            }
        }

        throw new InvalidOperationException($"Status of {current.Key} could not be written: the variable changed {MaxConflictRetries} times in a row while writing.");
    }

    private async Task<IReadOnlyDictionary<string, string>?> ReadItemsAsync(ObjectKey key, CancellationToken ct) =>
        (await ReadAsync(key, ct).ConfigureAwait(false))?.Items;

    private Variable Variable(ObjectKey key, IReadOnlyDictionary<string, string> items) =>
        new() { Namespace = options.Namespace, Path = key.ToPath(options.Prefix), Items = items };

    private QueryOptions Query() => new() { Namespace = options.Namespace };

    private WriteOptions Write() => new() { Namespace = options.Namespace };
}

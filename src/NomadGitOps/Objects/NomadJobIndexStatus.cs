namespace NomadGitOps.Objects;

/// <summary>What the NomadJobIndex controller records on a NomadJob (<c>status_indexed_at</c>, <c>status_orphaned_at</c>, <c>status_index_conflict</c>).</summary>
/// <param name="IndexedAt">When the index last created or updated the object.</param>
/// <param name="OrphanedAt">When the index found the object's file gone with <c>prune</c> off; null while the file exists.</param>
/// <param name="Conflict">Other files claiming the same job, one line each (<c>gitrepository/&lt;name&gt;: …</c>); null for none.</param>
internal sealed record NomadJobIndexStatus(DateTimeOffset? IndexedAt = null, DateTimeOffset? OrphanedAt = null, string? Conflict = null)
{
    /// <summary>The status items this record owns; the index controller writes only these on a NomadJob.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusIndexedAt, ItemKeys.StatusOrphanedAt, ItemKeys.StatusIndexConflict,
    };

    /// <summary>True when the index marked the object orphaned (its file vanished, prune off).</summary>
    public bool IsOrphaned => OrphanedAt is not null;
}

namespace NomadGitOps.Objects;

/// <summary>What the NomadJobIndex controller records on a NomadJob it made (<c>status_indexed_at</c>).</summary>
/// <param name="IndexedAt">When the index last created or updated the object.</param>
internal sealed record NomadJobIndexStatus(DateTimeOffset? IndexedAt = null)
{
    /// <summary>The status items this record owns; the index controller writes only these on a NomadJob.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusIndexedAt };
}

namespace NomadGitOps.Objects;

/// <summary>What the NomadJobIndex controller records on a GitRepository (the <c>status_index*</c> items).</summary>
/// <param name="Jobs"><c>status_index_jobs</c>: the inventory, <c>namespace/job-id</c> of every NomadJob the index made from this repository, sorted.</param>
/// <param name="Errors"><c>status_index_errors</c>: malformed files and conflicts, one per line; null for none.</param>
/// <param name="IndexedCommit"><c>status_indexed_commit</c>: the commit the index last went through.</param>
/// <param name="Conflicts"><c>status_index_conflicts</c>: <c>namespace/job-id</c> of the NomadJobs this repository claims but another owner keeps, sorted; null for none.</param>
/// <param name="JobCount">
/// <c>status_index_job_count</c>: set only when the inventory was too large to list (<see cref="IsListed"/> is false),
/// as read back; the NomadJob objects (each names its repository and <c>managed_by</c>) are then the inventory.
/// </param>
internal sealed record RepositoryIndexStatus(IReadOnlyList<string> Jobs, string? Errors = null, string? IndexedCommit = null, IReadOnlyList<string>? Conflicts = null, int? JobCount = null)
{
    /// <summary>The index status of a repository never indexed.</summary>
    public static RepositoryIndexStatus Empty { get; } = new([]);

    /// <summary>The status items this record owns; the index controller writes only these.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusIndexJobs, ItemKeys.StatusIndexErrors, ItemKeys.StatusIndexedCommit, ItemKeys.StatusIndexConflicts, ItemKeys.StatusIndexJobCount,
    };

    /// <summary>False when the recorded status holds only the inventory's size, not its entries.</summary>
    public bool IsListed => JobCount is null;

    /// <summary>Equal when the inventories hold the same entries in the same order and the rest is equal.</summary>
    public bool Equals(RepositoryIndexStatus? other) =>
        other is not null && Jobs.SequenceEqual(other.Jobs, StringComparer.Ordinal)
        && Errors == other.Errors && IndexedCommit == other.IndexedCommit && JobCount == other.JobCount
        && (Conflicts ?? []).SequenceEqual(other.Conflicts ?? [], StringComparer.Ordinal);

    /// <summary>A hash agreeing with <see cref="Equals(RepositoryIndexStatus?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Jobs.Count, Errors, IndexedCommit);
}

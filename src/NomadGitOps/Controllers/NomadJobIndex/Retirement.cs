namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>What became of a NomadJob whose file (or whole repository) is gone.</summary>
internal enum Retirement
{
    /// <summary>Absent, made by hand or by another repository, or orphaned already: nothing to do.</summary>
    NotOurs,

    /// <summary>Spared (its file exists but could not be read).</summary>
    Kept,

    /// <summary>Deleted, because its <c>prune</c> is true.</summary>
    Deleted,

    /// <summary>Marked with <c>status_orphaned_at</c>.</summary>
    Orphaned,

    /// <summary>Concurrent writes won every compare-and-set attempt.</summary>
    Conflict,
}

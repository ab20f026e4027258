namespace NomadGitOps.Server;

/// <summary>What a CAS edit of one spec item came to.</summary>
internal enum EditResult
{
    /// <summary>The item was written.</summary>
    Written,

    /// <summary>The item already had the wanted value; nothing was sent.</summary>
    Unchanged,

    /// <summary>The object does not exist.</summary>
    NotFound,
}

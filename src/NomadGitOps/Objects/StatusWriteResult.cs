namespace NomadGitOps.Objects;

/// <summary>What <see cref="ObjectStore.WriteStatusAsync"/> did.</summary>
internal enum StatusWriteResult
{
    /// <summary>The status items were already as wanted: nothing was sent to Nomad.</summary>
    Unchanged,

    /// <summary>The status items were written (possibly after re-reading on a CAS conflict).</summary>
    Written,

    /// <summary>The object was deleted meanwhile; nothing was written (a status write never re-creates an object).</summary>
    Gone,
}

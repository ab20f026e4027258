namespace NomadGitOps.Watches;

/// <summary>What the prefix watcher saw happen to one object.</summary>
internal enum ObjectChangeKind
{
    /// <summary>The object is new to the watcher (also every object of the first list).</summary>
    Added,

    /// <summary>Its spec items changed (a status-only write is no change); <c>reconcile_requested_at</c> is a spec item.</summary>
    SpecChanged,

    /// <summary>Its variable is gone.</summary>
    Deleted,
}

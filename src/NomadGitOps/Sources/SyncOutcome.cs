namespace NomadGitOps.Sources;

/// <summary>What a <see cref="GitCache.SyncAsync"/> did.</summary>
internal enum SyncOutcome
{
    /// <summary>The remote ref still points at the cached commit: nothing was fetched.</summary>
    Unchanged,

    /// <summary>The ref moved forward (or first sync); the new commits were fetched.</summary>
    Fetched,

    /// <summary>The ref moved to a commit that does not contain the previous one (force-push or tag moved back).</summary>
    ForcePushed,
}

namespace NomadGitOps.Sources;

/// <summary>What a <see cref="GitCache.SyncAsync(GitSource, string?, SyncHint, CancellationToken)"/> did.</summary>
internal enum SyncOutcome
{
    /// <summary>The ref still points at the commit served before: nothing to do (and nothing was fetched).</summary>
    Unchanged,

    /// <summary>
    /// The ref moved forward (or first sync): the new commit is in the cache. Fetched from the remote unless the
    /// cache already had it (another object with the same URL fetched it).
    /// </summary>
    Fetched,

    /// <summary>The ref moved to a commit that does not contain the previous one (force-push or tag moved back).</summary>
    ForcePushed,
}

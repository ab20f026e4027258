namespace NomadGitOps.Sources;

/// <summary>What the caller of <see cref="GitCache.SyncAsync(GitSource, string?, SyncHint, CancellationToken)"/> knows about the remote ref.</summary>
internal enum SyncHint
{
    /// <summary>Nothing: a periodic check, which asks ls-remote first and fetches only when the ref moved.</summary>
    None,

    /// <summary>Someone asked for this sync (a webhook after a push, the CLI): the ref has likely moved, so a branch is fetched at once.</summary>
    RefLikelyMoved,
}

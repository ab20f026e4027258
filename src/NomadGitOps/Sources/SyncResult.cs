namespace NomadGitOps.Sources;

/// <summary>The result of syncing one repository's cache: what happened and the commit now available.</summary>
/// <param name="Outcome">Unchanged, fetched, or force-pushed.</param>
/// <param name="Ref">The resolved ref and commit; the commit is in the cache.</param>
/// <param name="PreviousCommit">The commit served before, when known.</param>
/// <param name="CacheRecreated">True when the cache was missing or corrupt and was built again.</param>
internal sealed record SyncResult(SyncOutcome Outcome, RemoteRef Ref, string? PreviousCommit, bool CacheRecreated);

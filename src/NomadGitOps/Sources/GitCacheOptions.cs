namespace NomadGitOps.Sources;

/// <summary>Where the per-repository caches live (<c>NOMAD_GITOPS_CACHE_DIR</c>); one bare repository per URL under it.</summary>
/// <param name="Root">The cache root directory; created when missing, kept across restarts.</param>
internal sealed record GitCacheOptions(string Root);

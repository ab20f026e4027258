using Microsoft.Extensions.Logging.Abstractions;
using NomadGitOps.Sources;

namespace NomadGitOps.Tests.Support;

/// <summary>The real git source graph (runner, resolver, cache) over a temporary cache root.</summary>
internal sealed class GitSourcesHarness : IDisposable
{
    /// <summary>Builds the graph with the given clock (real time unless a test needs to drive timeouts).</summary>
    public GitSourcesHarness(TimeProvider? time = null, string? cacheRoot = null)
    {
        CacheRoot = cacheRoot ?? Path.Combine(Path.GetTempPath(), "gitcache-" + Guid.NewGuid().ToString("N")[..10]);
        Git = new GitRunner(time ?? TimeProvider.System, NullLogger<GitRunner>.Instance);
        Resolver = new RefResolver(Git);
        Cache = new GitCache(new GitCacheOptions(CacheRoot), Git, Resolver, NullLogger<GitCache>.Instance);
    }

    /// <summary>Where the caches live.</summary>
    public string CacheRoot { get; }

    /// <summary>The runner, with its per-verb counts.</summary>
    public GitRunner Git { get; }

    /// <summary>The ref resolver.</summary>
    public RefResolver Resolver { get; }

    /// <summary>The cache.</summary>
    public GitCache Cache { get; }

    /// <summary>A source for <paramref name="url"/> following <paramref name="selector"/> (default branch main).</summary>
    public static GitSource Source(string url, GitReference? selector = null, GitCredentials? credentials = null) =>
        new(GitUrl.Parse(url), selector ?? GitReference.DefaultBranch, credentials ?? GitCredentials.None, TimeSpan.FromSeconds(60));

    /// <summary>Deletes the cache root.</summary>
    public void Dispose()
    {
        if (Directory.Exists(CacheRoot))
        {
            Directory.Delete(CacheRoot, recursive: true);
        }
    }
}

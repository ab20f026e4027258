using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NomadGitOps.Sources;

/// <summary>Registers the git source layer (runner, resolver, cache) in the host's container.</summary>
internal static class SourcesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GitRunner"/>, <see cref="RefResolver"/> and <see cref="GitCache"/> with caches under <paramref name="cacheRoot"/>.</summary>
    public static IServiceCollection AddGitSources(this IServiceCollection services, string cacheRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new GitCacheOptions(cacheRoot));
        services.AddSingleton<GitRunner>();
        services.AddSingleton<RefResolver>();
        services.AddSingleton<GitCache>();
        return services;
    }
}

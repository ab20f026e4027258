using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>Registers the GitRepository controller in the host's container.</summary>
internal static class GitRepositoryControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GitRepositoryController"/> (also as an <see cref="IReconciler"/>) and its credentials loader;
    /// a default <see cref="Backoff"/> and <see cref="TimeProvider.System"/> unless registered already. Needs the
    /// Nomad client, <c>ObjectStore</c> and its options, the git sources (<c>AddGitSources</c>) and an
    /// <see cref="IReconcileTrigger"/> from the engine.
    /// </summary>
    public static IServiceCollection AddGitRepositoryController(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new Backoff(BackoffOptions.Default, new Random()));
        services.TryAddSingleton<ReconcileSkeleton>();
        services.TryAddSingleton<GitCredentialsLoader>();
        services.TryAddSingleton<GitRepositoryController>();
        services.AddSingleton<IReconciler>(provider => provider.GetRequiredService<GitRepositoryController>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>Registers the NomadJobIndex controller in the host's container.</summary>
internal static class NomadJobIndexServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NomadJobIndexController"/> (also as an <see cref="IReconciler"/>) and the shared
    /// <see cref="JobFileParser"/>; the object store, git cache, Nomad client and reconcile trigger come from elsewhere.
    /// </summary>
    public static IServiceCollection AddNomadJobIndexController(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new Backoff(BackoffOptions.Default, new Random()));
        services.TryAddSingleton<ReconcileSkeleton>();
        services.TryAddSingleton<JobFileParser>();
        services.TryAddSingleton<NomadJobIndexController>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<NomadJobIndexController>());
        return services;
    }
}

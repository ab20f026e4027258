using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>Registers the NomadJob controller in the host's container.</summary>
internal static class NomadJobServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NomadJobController"/> as an <see cref="IReconciler"/> (and as itself), the job file parser, and
    /// default options and backoff unless registered already. Needs a <c>NomadClient</c>, an <c>ObjectStore</c> and the
    /// git sources (<c>AddGitSources</c>). With the engine's <c>OwnedJobCache</c> registered, an unchanged job costs no Nomad call.
    /// </summary>
    public static IServiceCollection AddNomadJobController(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new NomadJobControllerOptions());
        services.TryAddSingleton(_ => new Backoff(BackoffOptions.Default, new Random()));
        services.TryAddSingleton<ReconcileSkeleton>();
        services.TryAddSingleton<JobFileParser>();
        services.TryAddSingleton<DesiredJobReader>();
        services.TryAddSingleton<NomadJobPruner>();
        services.TryAddSingleton<JobApplier>();
        services.TryAddSingleton<DeploymentFollower>();
        services.TryAddSingleton<UnchangedJobCheck>();
        services.TryAddSingleton<NomadJobController>();
        services.AddSingleton<IReconciler>(provider => provider.GetRequiredService<NomadJobController>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Controllers.Receiver;

/// <summary>Registers the receiver controller in the host's container.</summary>
internal static class ReceiverControllerServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ReceiverController"/> as an <see cref="IReconciler"/>; needs the engine's <c>ObjectStore</c> and its options (the namespace the receivers' secrets live in).</summary>
    public static IServiceCollection AddReceiverController(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new Backoff(BackoffOptions.Default, new Random()));
        services.TryAddSingleton<ReconcileSkeleton>();
        services.TryAddSingleton<ReceiverSecrets>();
        services.TryAddSingleton<ReceiverController>();
        services.AddSingleton<IReconciler>(provider => provider.GetRequiredService<ReceiverController>());
        return services;
    }
}

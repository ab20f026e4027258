using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Engine;

/// <summary>Registers the engine (host, leader election, watcher, pause, one-off run, trigger) in the host's container.</summary>
internal static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine with <paramref name="settings"/>, the Nomad client for <paramref name="nomad"/> (unless one is
    /// registered already) and the <see cref="ObjectStore"/> on the settings' prefix and namespace. Controllers register
    /// their <c>IReconciler</c> with their own <c>AddXController()</c>; the engine takes whatever is registered.
    /// </summary>
    public static IServiceCollection AddNomadGitOpsEngine(this IServiceCollection services, EngineSettings settings, NomadClientOptions nomad)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(nomad);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new NomadClient(nomad, handler: null, sp.GetRequiredService<ILogger<NomadClient>>(), observer: sp.GetService<INomadRequestObserver>()));
        services.AddSingleton(settings);
        // The one backoff of failed reconciles: controllers draw each Failed's retry time from it (ReconcileSkeleton).
        services.TryAddSingleton(_ => new Backoff(settings.Backoff, new Random()));
        services.AddSingleton(new ObjectStoreOptions { Prefix = settings.Prefix, Namespace = settings.Namespace });
        services.TryAddSingleton(new JobFileParserOptions { ParseOn = settings.ParseOn });
        services.TryAddSingleton<ObjectCache>();
        services.TryAddSingleton<ObjectStore>();
        services.AddSingleton<ControllerPause>();
        services.AddSingleton(new WatchOptions
        {
            Prefix = settings.Prefix,
            Namespace = settings.Namespace,
            ControllerName = settings.ControllerName,
            WatchWait = settings.WatchWait,
            WatchSpacing = settings.WatchSpacing,
            Backoff = settings.Backoff,
        });
        services.AddSingleton(new AlertDispatchOptions { ControllerName = settings.ControllerName });
        services.AddSingleton<PrefixWatcher>();
        services.TryAddSingleton<OwnedJobCache>();
        services.AddSingleton<OwnedJobWatcher>();
        services.TryAddSingleton<DeploymentCache>();
        services.AddSingleton<DeploymentWatcher>();
        services.AddSingleton<LeaderElection>();
        services.AddSingleton<ReconcileTriggerRouter>();
        services.AddSingleton<IReconcileTrigger>(sp => sp.GetRequiredService<ReconcileTriggerRouter>());
        services.AddSingleton<ControllerHost>();
        services.AddSingleton<IControllerTerm>(sp => sp.GetRequiredService<ControllerHost>());
        services.AddTransient<OneOffRun>();
        return services;
    }
}

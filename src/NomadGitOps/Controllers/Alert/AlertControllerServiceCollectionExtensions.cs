using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.Alert;

/// <summary>Registers notifications (notifier, queue, dispatcher, sender) and the alert controller in the host's container.</summary>
internal static class AlertControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AlertController"/> as an <see cref="IReconciler"/> and the <see cref="AlertDispatcher"/> that
    /// <c>run</c> starts beside the controllers; the notifier acts while the <see cref="IControllerTerm"/> (the engine's host) has a term
    /// under way (this replica leads). Needs the engine. <see cref="NotificationOptions"/> default unless registered before.
    /// </summary>
    public static IServiceCollection AddAlertController(this IServiceCollection services)
    {
        services.TryAddSingleton(new NotificationOptions());
        services.TryAddSingleton<AlertQueue>();
        services.TryAddSingleton<AlertDeliveryLog>();
        services.TryAddSingleton<AlertSecrets>();
        services.TryAddSingleton(sp => new AlertSender(sp.GetRequiredService<NotificationOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var term = new Lazy<IControllerTerm?>(sp.GetService<IControllerTerm>);
            return new AlertNotifier(
                sp.GetRequiredService<ObjectCache>(),
                sp.GetRequiredService<AlertQueue>(),
                sp.GetRequiredService<TimeProvider>(),
                () => term.Value?.IsUnderway == true,
                sp.GetRequiredService<ILogger<AlertNotifier>>());
        });
        services.TryAddSingleton(new AlertDispatchOptions());
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new Backoff(BackoffOptions.Default, new Random()));
        services.TryAddSingleton<ReconcileSkeleton>();
        services.TryAddSingleton<AlertController>();
        services.AddSingleton<IReconciler>(provider => provider.GetRequiredService<AlertController>());
        return services;
    }
}

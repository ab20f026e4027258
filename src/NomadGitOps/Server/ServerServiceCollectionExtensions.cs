using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Server.Api;
using NomadGitOps.Server.Metrics;
using NomadGitOps.Server.StatusPage;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Server;

/// <summary>Registers the HTTP server and what it serves.</summary>
internal static class ServerServiceCollectionExtensions
{
    /// <summary>Adds the HTTP server with <paramref name="options"/>; needs the engine (<c>AddNomadGitOpsEngine</c>) first.</summary>
    public static IServiceCollection AddNomadGitOpsServer(this IServiceCollection services, HttpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<ObjectListCache>();
        services.TryAddSingleton<ObjectCommands>();
        services.TryAddSingleton<ReceiverSecrets>();
        services.AddSingleton<ReconcileRequests>();
        services.AddSingleton<DeliveryRecorder>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<ApiEndpoints>();
        services.AddNomadGitOpsMetrics();
        services.AddSingleton<TransitionLog>();
        services.AddSingleton<IReconcileObserver>(sp => sp.GetRequiredService<TransitionLog>());
        services.AddSingleton<StatusReader>();
        services.AddSingleton<StatusPageEndpoints>();
        services.AddSingleton<HttpServer>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using NomadGitOps.Engine;

namespace NomadGitOps.Server.Metrics;

/// <summary>Registers the metrics recorder, the state gauges and the <c>/metrics</c> exporter.</summary>
internal static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NomadGitOpsMetrics"/> (also as the engine's <see cref="IReconcileObserver"/> and the Nomad
    /// client's <see cref="INomadRequestObserver"/>), <see cref="StateGauges"/> and <see cref="MetricsEndpoint"/>.
    /// </summary>
    public static IServiceCollection AddNomadGitOpsMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<NomadGitOpsMetrics>();
        services.AddSingleton<IReconcileObserver>(sp => sp.GetRequiredService<NomadGitOpsMetrics>());
        services.AddSingleton<INomadRequestObserver>(sp => sp.GetRequiredService<NomadGitOpsMetrics>());
        services.AddSingleton<StateGauges>();
        services.AddSingleton<MetricsEndpoint>();
        return services;
    }
}

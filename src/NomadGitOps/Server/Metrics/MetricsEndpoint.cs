using NomadGitOps.Cli;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NomadGitOps.Server.Metrics;

/// <summary>
/// What <c>GET /metrics</c> serves: an OpenTelemetry meter provider listening to the <c>NomadGitOps</c> meter and the
/// runtime's own (<c>System.Runtime</c>: GC, memory, thread pool, exceptions), exported in Prometheus' text format.
/// Scrapes are not cached (each one reads the state gauges afresh). Disposed with the container.
/// </summary>
internal sealed class MetricsEndpoint : IDisposable
{
    /// <summary>The path Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>Starts listening; <paramref name="gauges"/> is taken so the state gauges exist from the start.</summary>
    public MetricsEndpoint(NomadGitOpsMetrics metrics, StateGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gauges);
        Provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("nomad-gitops", serviceVersion: BuildInfo.Version, autoGenerateServiceInstanceId: false))
            .AddMeter(NomadGitOpsMetrics.MeterName, "System.Runtime")
            .AddPrometheusExporter(options =>
            {
                options.ScrapeEndpointPath = Path;
                options.ScrapeResponseCacheDurationMilliseconds = 0;
            })
            .Build();
        metrics.StartCountersAtZero();
    }

    /// <summary>The provider the scraping endpoint reads.</summary>
    public MeterProvider Provider { get; }

    /// <inheritdoc/>
    public void Dispose() => Provider.Dispose();
}

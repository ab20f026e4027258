using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NomadGitOps.Cli;
using NomadGitOps.Server.Api;
using NomadGitOps.Server.Metrics;
using NomadGitOps.Server.StatusPage;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Server;

/// <summary>
/// The HTTP server of <c>run</c> and <c>dev</c> (Kestrel, in the controller's process): health, webhook receivers, the
/// API, <c>/metrics</c> and the status page. Every replica serves it, standbys included: webhook and API writes go to Nomad, where the leader's watcher picks
/// them up. Kestrel's header and body timeouts and limits are set explicitly from <see cref="HttpServerOptions"/>.
/// </summary>
internal sealed class HttpServer(
    HttpServerOptions options,
    HealthEndpoints health,
    WebhookEndpoint webhooks,
    ApiEndpoints api,
    ReconcileRequests requests,
    DeliveryRecorder deliveries,
    MetricsEndpoint metrics,
    StatusPageEndpoints status,
    ILogger<HttpServer> logger) : IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The address it listens on, once started (the real port when 0 was asked for).</summary>
    public Uri? Address { get; private set; }

    /// <summary>The route patterns it serves, once started (<c>/api/openapi.json</c> must describe each).</summary>
    public IReadOnlyList<string> Routes { get; private set; } = [];

    /// <summary>Starts listening; throws <see cref="IOException"/> when the address is taken.</summary>
    public async Task<Uri> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.RequestHeadersTimeout = options.HeaderTimeout;
            kestrel.Limits.KeepAliveTimeout = options.KeepAliveTimeout;
            kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxHeaderBytes;
            kestrel.Limits.MaxRequestLineSize = Math.Min(options.MaxHeaderBytes, 8 * 1024);
            kestrel.Limits.MaxRequestBodySize = options.WebhookMaxBytes;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
            kestrel.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            kestrel.Listen(options.Address.Host, options.Address.Port);
        });

        var web = builder.Build();
        web.MapPrometheusScrapingEndpoint(MetricsEndpoint.Path, metrics.Provider, configureBranchedPipeline: null, optionsName: null);
        web.MapGet("/", Handle(context => Task.FromResult(status.Overview(context))));
        web.MapGet("/status.json", Handle(_ => Task.FromResult(status.OverviewJson())));
        web.MapGet("/objects/{kind}/{**name}", Handle(context => Task.FromResult(status.Object(context, Route(context, "kind"), Route(context, "name")))));
        web.MapGet("/healthz", Handle(_ => Task.FromResult(HealthEndpoints.Healthz())));
        web.MapGet("/readyz", Handle(context => health.ReadyzAsync(context.RequestAborted)));
        web.Map(HookPath.Prefix + "{id}", Handle(context => webhooks.HandleAsync(context, Route(context, "id"))));
        web.MapGet("/api/openapi.json", Handle(_ => Task.FromResult(Results.Text(OpenApiDocument.Json(BuildInfo.Version), "application/json"))));
        web.MapPost("/api/v1/gitrepository/{name}/{action}", Handle(context => api.GitRepositoryAsync(context, Route(context, "name"), Route(context, "action"))));
        web.MapPost("/api/v1/nomadjob/{namespace}/{job}/{action}", Handle(context => api.NomadJobAsync(context, Route(context, "namespace"), Route(context, "job"), Route(context, "action"))));
        web.MapPost("/api/v1/controller/{action}", Handle(context => api.ControllerAsync(context, Route(context, "action"))));
        web.MapGet("/api/v1/objects", Handle(api.ObjectsAsync));
        web.Map("/api/v1/{**rest}", Handle(context => Task.FromResult(
            api.Refusal(context) ?? Results.Json(new { error = "No such API route; see /api/openapi.json." }, statusCode: StatusCodes.Status404NotFound))));
        await web.StartAsync(ct).ConfigureAwait(false);
        app = web;
        Routes = [.. ((IEndpointRouteBuilder)web).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").Distinct()];
        var bound = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("HTTP server listening on {Address} (webhooks at {HookPrefix}<id>, health at /healthz and /readyz)", bound, HookPath.Prefix);
        }

        return Address;
    }

    // Plain request delegates: each handler returns the result to write.
    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    /// <summary>Stops taking requests, lets those in hand finish, and writes what deliveries asked for.</summary>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
        }

        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Task.WhenAll(requests.WhenIdleAsync(drain.Token), deliveries.WhenIdleAsync(drain.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Some webhook writes were still running at shutdown and were abandoned");
        }
    }
}

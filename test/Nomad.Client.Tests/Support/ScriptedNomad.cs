using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nomad.Client.Tests.Support;

/// <summary>
/// A loopback HTTP server that plays Nomad from a script: it records every request and answers the next
/// canned response queued for its <c>"METHOD /path"</c> (or 404 <c>no script</c>). Listens on TCP, TLS or a unix socket.
/// </summary>
public sealed class ScriptedNomad : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CannedResponse>> _script = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedNomad(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Base address (<c>http://127.0.0.1:port/</c>, <c>https://…</c>, or the unix socket's <c>unix:///path</c>).</summary>
    public Uri Address { get; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The only request received; fails when there were none or several.</summary>
    public RecordedRequest OnlyRequest => Requests.ShouldHaveSingleItem();

    /// <summary>Starts on a free loopback port, over TLS with <paramref name="certificate"/>, or on a unix socket.</summary>
    public static async Task<ScriptedNomad> StartAsync(X509Certificate2? certificate = null, string? unixSocket = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            if (unixSocket is not null)
            {
                k.ListenUnixSocket(unixSocket);
            }
            else
            {
                k.Listen(IPAddress.Loopback, 0, l =>
                {
                    if (certificate is not null)
                    {
                        l.UseHttps(new HttpsConnectionAdapterOptions
                        {
                            ServerCertificate = certificate,
                            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                            ClientCertificateValidation = (_, _, _) => true,
                        });
                    }
                });
            }
        });
        var app = builder.Build();
        ScriptedNomad? self = null;
        app.Run(context => self!.HandleAsync(context));
        await app.StartAsync(ct);
        var address = unixSocket is not null
            ? new Uri("unix://" + unixSocket)
            : new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        self = new ScriptedNomad(app, address);
        return self;
    }

    /// <summary>Queues an answer for the next request to <paramref name="endpoint"/>, e.g. <c>"GET /v1/vars"</c>.</summary>
    public ScriptedNomad On(string endpoint, CannedResponse response)
    {
        _script.GetOrAdd(endpoint, _ => new ConcurrentQueue<CannedResponse>()).Enqueue(response);
        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path.Value ?? "/",
            rawTarget,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            context.Connection.ClientCertificate?.Subject));

        var key = request.Method + " " + request.Path.Value;
        var canned = _script.TryGetValue(key, out var queue) && queue.TryDequeue(out var next)
            ? next
            : new CannedResponse(404, "no script for " + key);
        context.Response.StatusCode = canned.Status;
        foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (canned.Body.Length > 0)
        {
            context.Response.ContentType = canned.Body.TrimStart().StartsWith('{') || canned.Body.TrimStart().StartsWith('[') || canned.Body.StartsWith('"') || canned.Body == "null"
                ? "application/json"
                : "text/plain";
            await context.Response.WriteAsync(canned.Body, context.RequestAborted);
        }
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Faults;

/// <summary>
/// Counts requests per endpoint (<c>"GET /v1/var/:path"</c> style keys, see <see cref="EndpointKey"/>),
/// so tests and benchmarks can assert "0 writes on a no-op" and count API calls; and logs the last
/// <see cref="LogCapacity"/> write requests (every method but GET and HEAD) with who sent them, so a test can
/// tell two clients' writes apart in time (<see cref="Requests"/>).
/// </summary>
public sealed class CallCounter(TimeProvider clock)
{
    /// <summary>How many write requests <see cref="Requests"/> keeps; older ones are forgotten.</summary>
    public const int LogCapacity = 100_000;

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoggedRequest> _log = new();

    /// <summary>A counter on the system clock.</summary>
    public CallCounter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The write requests logged, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests() => [.. _log];

    /// <summary>Requests served per endpoint key.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Requests served for one endpoint key, e.g. <c>"PUT /v1/var/:path"</c>.</summary>
    public long Count(string endpointKey) => _counts.TryGetValue(endpointKey, out var n) ? n : 0;

    /// <summary>All requests with this method (e.g. every write: PUT, POST, DELETE).</summary>
    public long CountMethod(string method) =>
        _counts.Where(kv => kv.Key.StartsWith(method + " ", StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Forgets every count.</summary>
    public void Reset()
    {
        _counts.Clear();
        _log.Clear();
    }

    /// <summary>Counts every request except the emulator's own <c>/_emulator</c> endpoints.</summary>
    public async Task Middleware(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method;
        _counts.AddOrUpdate(EndpointKey(method, path), 1, (_, n) => n + 1);
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var started = clock.GetUtcNow();
        var status = 0;
        try
        {
            await next().ConfigureAwait(false);
            status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
        }
        finally
        {
            _log.Enqueue(new LoggedRequest(started, clock.GetUtcNow(), method, path, context.Request.QueryString.Value ?? "", Client(context.Request), status));
            while (_log.Count > LogCapacity && _log.TryDequeue(out _))
            {
            }
        }
    }

    private static string Client(HttpRequest request)
    {
        var token = request.Headers["X-Nomad-Token"].ToString().Trim();
        return token.Length == 0
            ? "anonymous"
            : "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
    }

    /// <summary>
    /// Folds a request path into its endpoint: <c>/v1/var/a/b</c> → <c>/v1/var/:path</c>,
    /// <c>/v1/job/web/plan</c> → <c>/v1/job/:id/plan</c>, <c>/v1/deployment/x</c> → <c>/v1/deployment/:id</c>.
    /// </summary>
    public static string EndpointKey(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        string folded;
        if (segments is ["v1", "var", ..])
        {
            folded = "/v1/var/:path";
        }
        else if (segments is ["v1", "job", _, .. var rest])
        {
            folded = rest.Length == 0 ? "/v1/job/:id" : "/v1/job/:id/" + string.Join('/', rest);
        }
        else if (segments is ["v1", "deployment" or "evaluation" or "allocation", _, .. var tail] && segments[2] is not "allocations")
        {
            folded = $"/v1/{segments[1]}/:id" + (tail.Length == 0 ? "" : "/" + string.Join('/', tail));
        }
        else
        {
            folded = "/" + string.Join('/', segments);
        }

        return method + " " + folded;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Faults;

/// <summary>
/// Counts requests per endpoint (<c>"GET /v1/var/:path"</c> style keys, see <see cref="EndpointKey"/>),
/// so tests and benchmarks can assert "0 writes on a no-op" and count API calls.
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Requests served per endpoint key.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>Requests served for one endpoint key, e.g. <c>"PUT /v1/var/:path"</c>.</summary>
    public long Count(string endpointKey) => _counts.TryGetValue(endpointKey, out var n) ? n : 0;

    /// <summary>All requests with this method (e.g. every write: PUT, POST, DELETE).</summary>
    public long CountMethod(string method) =>
        _counts.Where(kv => kv.Key.StartsWith(method + " ", StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Forgets every count.</summary>
    public void Reset() => _counts.Clear();

    /// <summary>Counts every request except the emulator's own <c>/_emulator</c> endpoints.</summary>
    public async Task Middleware(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            _counts.AddOrUpdate(EndpointKey(context.Request.Method, path), 1, (_, n) => n + 1);
        }

        await next().ConfigureAwait(false);
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

using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Http;

/// <summary>
/// The query parameters every Nomad read shares (<c>command/agent/http.go</c>, <c>parseWait</c>,
/// <c>parseNamespace</c>, <c>parseRegion</c>): blocking <c>index</c>/<c>wait</c>, <c>namespace</c>,
/// <c>region</c>, <c>prefix</c>, <c>filter</c>, paging.
/// </summary>
public sealed record QueryOptions(
    string Namespace,
    long MinIndex,
    TimeSpan? Wait,
    string Prefix,
    string? Filter,
    int PerPage,
    string? NextToken)
{
    /// <summary>Nomad's default blocking wait.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    /// <summary>Nomad's longest blocking wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    /// <summary>True when the request asked to block (<c>index</c> above 0).</summary>
    public bool IsBlocking => MinIndex > 0;

    /// <summary>Reads the options, or returns the 400 text Nomad answers for a bad one.</summary>
    public static QueryOptions Parse(HttpRequest request, out string? error)
    {
        error = null;
        var q = request.Query;
        long minIndex = 0;
        if (q.TryGetValue("index", out var indexText) && !string.IsNullOrEmpty(indexText))
        {
            if (!ulong.TryParse(indexText, out var parsed))
            {
                error = "Invalid index";
            }
            else
            {
                minIndex = (long)Math.Min(parsed, long.MaxValue);
            }
        }

        TimeSpan? wait = null;
        if (q.TryGetValue("wait", out var waitText) && !string.IsNullOrEmpty(waitText))
        {
            if (!GoDuration.TryParse(waitText, out var parsed))
            {
                error ??= "Invalid wait time";
            }
            else
            {
                wait = parsed;
            }
        }

        var perPage = 0;
        if (q.TryGetValue("per_page", out var perPageText) && !string.IsNullOrEmpty(perPageText)
            && (!int.TryParse(perPageText, out perPage) || perPage < 0))
        {
            error ??= $"Invalid per_page value: {perPageText}";
        }

        var ns = q.TryGetValue("namespace", out var nsText) && !string.IsNullOrEmpty(nsText) ? nsText.ToString() : "default";
        return new QueryOptions(
            ns,
            minIndex,
            wait,
            q["prefix"].ToString(),
            q.TryGetValue("filter", out var filter) && !string.IsNullOrEmpty(filter) ? filter.ToString() : null,
            perPage,
            q.TryGetValue("next_token", out var next) && !string.IsNullOrEmpty(next) ? next.ToString() : null);
    }
}

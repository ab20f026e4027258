using System.Net;

namespace Nomad.Client;

/// <summary>
/// Which answers are worth retrying: 429, 502, 503, 504, and a 500 whose text says the cluster has no
/// leader (Nomad's <c>structs.ErrNoLeader</c>, "No cluster leader", and a leadership change mid-write).
/// Every other 500 is a real answer (validation, enforce-index) and is not retried; neither are 400, 403, 404, 409.
/// </summary>
internal static class TransientFailures
{
    private static readonly string[] LeaderTexts = ["No cluster leader", "leadership lost"];

    /// <summary>True when the same request may succeed later.</summary>
    public static bool IsTransient(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.InternalServerError => LeaderTexts.Any(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>
    /// True when an error answer proves a write was not applied: 429, 503 and "No cluster leader" are refusals;
    /// a 502 or 504 from a proxy, or a 500 mid-commit, may come after Nomad applied it.
    /// </summary>
    public static bool WasNotApplied(HttpStatusCode status, string body) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        || (status == HttpStatusCode.InternalServerError && body.Contains("No cluster leader", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the request failed before a connection existed, so Nomad never saw it.</summary>
    public static bool NeverReachedNomad(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}

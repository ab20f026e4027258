using System.Net;
using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// One call to Nomad as the transport sends it: method, escaped path, query parameters (a null value is a
/// bare flag such as <c>lock-acquire</c>), optional JSON body, the statuses the caller handles itself,
/// and how long Nomad may hold it (blocking queries).
/// </summary>
internal sealed record NomadRequest(HttpMethod Method, string Path)
{
    /// <summary>Query parameters in order; values are escaped when sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Query { get; init; } = [];

    /// <summary>JSON body, if any.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Error statuses returned to the caller instead of thrown (e.g. 404 on reads, 409 on CAS writes).</summary>
    public IReadOnlySet<HttpStatusCode> Expected { get; init; } = new HashSet<HttpStatusCode>();

    /// <summary>True to send no <c>X-Nomad-Token</c> (a login, whose credential is in the body).</summary>
    public bool WithoutToken { get; init; }

    /// <summary>True for the calls authentication itself makes (version, login): no <see cref="IdentityExchange"/> check first.</summary>
    public bool SkipAuthentication { get; init; }

    /// <summary>Extra time the request may take because Nomad holds it (blocking wait plus jitter).</summary>
    public TimeSpan BlockingAllowance { get; init; }
}

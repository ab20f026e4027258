using System.Net;
using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>Nomad's namespaces (<c>api/namespace.go</c>): create or update, read, delete.</summary>
public sealed class NamespacesClient
{
    private readonly NomadTransport _transport;

    internal NamespacesClient(NomadTransport transport) => _transport = transport;

    /// <summary><c>PUT /v1/namespace/:name</c>: creates the namespace or updates its description.</summary>
    public async Task UpsertAsync(string name, string description, CancellationToken ct = default) =>
        await _transport.SendAsync(
            new NomadRequest(HttpMethod.Put, "/v1/namespace/" + NomadPath.Segment(name))
            {
                Body = new JsonObject { ["Name"] = name, ["Description"] = description },
                Query = _transport.WriteParameters(null),
            }, ct).ConfigureAwait(false);

    /// <summary>True when the namespace exists (<c>GET /v1/namespace/:name</c>).</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Get, "/v1/namespace/" + NomadPath.Segment(name)) { Expected = new HashSet<HttpStatusCode> { HttpStatusCode.NotFound } }, ct).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary><c>DELETE /v1/namespace/:name</c>; Nomad refuses while jobs, variables or volumes are in it.</summary>
    public async Task DeleteAsync(string name, CancellationToken ct = default) =>
        await _transport.SendAsync(new NomadRequest(HttpMethod.Delete, "/v1/namespace/" + NomadPath.Segment(name)) { Query = _transport.WriteParameters(null) }, ct).ConfigureAwait(false);
}

using System.Net;

namespace Nomad.Client;

/// <summary>Nomad's deployments API (<c>/v1/deployment/:id</c>).</summary>
public sealed class DeploymentsClient
{
    private static readonly HashSet<HttpStatusCode> NotFound = [HttpStatusCode.NotFound];
    private readonly NomadTransport _transport;

    internal DeploymentsClient(NomadTransport transport) => _transport = transport;

    /// <summary>Reads a deployment (<c>GET /v1/deployment/:id</c>); null when it does not exist. Blocking.</summary>
    public async Task<QueryResult<Deployment?>> ReadAsync(string deploymentId, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Get, "/v1/deployment/" + NomadPath.Segment(deploymentId))
            {
                Query = _transport.ReadParameters(query),
                Expected = NotFound,
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : NomadJson.Read<Deployment>(response.Body));
    }
}

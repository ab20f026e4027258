using System.Net;

namespace Nomad.Client;

/// <summary>Nomad's deployments API (<c>/v1/deployments</c>, <c>/v1/deployment/:id</c>).</summary>
public sealed class DeploymentsClient
{
    private static readonly HashSet<HttpStatusCode> NotFound = [HttpStatusCode.NotFound];
    private readonly NomadTransport _transport;

    internal DeploymentsClient(NomadTransport transport) => _transport = transport;

    /// <summary>
    /// One page of deployments (<c>GET /v1/deployments</c>; <c>namespace=*</c> for every namespace the token may read),
    /// oldest first. Blocking: the answer's index is the deployments table's (<c>Deployment.List</c> in
    /// <c>nomad/deployment_endpoint.go</c>), so it moves with every deployment change, health updates included.
    /// </summary>
    public async Task<QueryResult<IReadOnlyList<Deployment>>> ListAsync(QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await _transport.ReadAsync<List<Deployment>>(
            new NomadRequest(HttpMethod.Get, "/v1/deployments")
            {
                Query = _transport.ReadParameters(query),
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct).ConfigureAwait(false);
        return response.Meta.With<IReadOnlyList<Deployment>>(response.Value ?? []);
    }

    /// <summary>Every page of deployments, following <c>X-Nomad-NextToken</c>.</summary>
    public Task<QueryResult<IReadOnlyList<Deployment>>> ListAllAsync(QueryOptions? query = null, CancellationToken ct = default) =>
        Pager.AllPagesAsync(ListAsync, query, ct);

    /// <summary>Reads a deployment (<c>GET /v1/deployment/:id</c>); null when it does not exist. Blocking.</summary>
    public async Task<QueryResult<Deployment?>> ReadAsync(string deploymentId, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await _transport.ReadAsync<Deployment>(
            new NomadRequest(HttpMethod.Get, "/v1/deployment/" + NomadPath.Segment(deploymentId))
            {
                Query = _transport.ReadParameters(query),
                Expected = NotFound,
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }
}

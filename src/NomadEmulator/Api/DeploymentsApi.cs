using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// The deployments endpoints (<c>command/agent/deployment_endpoint.go</c>): <c>GET /v1/deployments</c>
/// (prefix, namespace incl. <c>*</c>, oldest first) and <c>GET /v1/deployment/:id</c> (404 <c>deployment not
/// found</c>), both blocking. Deployments are made by job registers (see <see cref="JobsTable"/>).
/// </summary>
public static class DeploymentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
        app.MapGet("/v1/deployments", async (HttpContext context, CancellationToken ct) =>
        {
            var query = QueryOptions.Parse(context.Request, out var parseError);
            if (parseError is not null)
            {
                return NomadResults.Error(400, parseError);
            }

            if (query.Namespace != "*" && !state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
            {
                return NomadResults.Error(403, "Permission denied");
            }

            // Only the snapshot is taken under the state lock; the filter and sort are made after it.
            var (all, index) = await BlockingQuery.RunAsync(state, query, () => state.Jobs.DeploymentsIndex, state.Jobs.DeploymentsSnapshot, ct).ConfigureAwait(false);
            var deployments = JobsTable.SelectDeployments(all, query.Namespace, query.Prefix)
                .Where(d => query.Namespace != "*" || state.Acl.AllowsNamespace(context.Request, d.Namespace, "read-job"))
                .ToList();
            return NomadResults.Json(context.Response, deployments, index);
        });

        app.MapGet("/v1/deployment/{id}", async (HttpContext context, string id, CancellationToken ct) =>
        {
            var query = QueryOptions.Parse(context.Request, out var parseError);
            if (parseError is not null)
            {
                return NomadResults.Error(400, parseError);
            }

            var (deployment, index) = await BlockingQuery.RunAsync(
                state,
                query,
                () => state.Jobs.Deployment(id) is { } d ? (d, d.ModifyIndex) : ((Deployment?)null, state.Jobs.DeploymentsIndex),
                ct).ConfigureAwait(false);
            if (deployment is null || !state.Acl.AllowsNamespace(context.Request, deployment.Namespace, "read-job"))
            {
                NomadHeaders.SetMeta(context.Response, index);
                return deployment is null ? NomadResults.Error(404, "deployment not found") : NomadResults.Error(403, "Permission denied");
            }

            return NomadResults.Json(context.Response, deployment, index);
        });
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary><c>GET /v1/evaluation/:id</c> (<c>command/agent/eval_endpoint.go</c>, <c>evalQuery</c>): blocking; 404 <c>eval not found</c>.</summary>
public static class EvaluationsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
        app.MapGet("/v1/evaluation/{id}", async (HttpContext context, string id, CancellationToken ct) =>
        {
            var query = QueryOptions.Parse(context.Request, out var parseError);
            if (parseError is not null)
            {
                return NomadResults.Error(400, parseError);
            }

            var (evaluation, index) = await BlockingQuery.RunAsync(
                state,
                query,
                () => state.Jobs.Evaluation(id) is { } e ? (e, e.ModifyIndex) : ((Evaluation?)null, state.Jobs.EvaluationsIndex),
                ct).ConfigureAwait(false);
            if (evaluation is null || !state.Acl.AllowsNamespace(context.Request, evaluation.Namespace, "read-job"))
            {
                NomadHeaders.SetMeta(context.Response, index);
                return evaluation is null ? NomadResults.Error(404, "eval not found") : NomadResults.Error(403, "Permission denied");
            }

            return NomadResults.Json(context.Response, evaluation, index);
        });
    }
}

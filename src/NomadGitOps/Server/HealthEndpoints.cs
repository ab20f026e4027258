using Microsoft.AspNetCore.Http;
using Nomad.Client;
using NomadGitOps.Engine;

namespace NomadGitOps.Server;

/// <summary>
/// <c>GET /healthz</c>: the process serves (for liveness). <c>GET /readyz</c>: Nomad answers and has a leader (for
/// readiness); a standby replica is as ready as the leader, since any replica can take webhook deliveries and API calls.
/// </summary>
internal sealed class HealthEndpoints(NomadClient nomad, LeaderElection election, EngineSettings settings)
{
    private static readonly TimeSpan NomadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Answers <c>/healthz</c>.</summary>
    public static IResult Healthz() => Results.Json(new { status = "ok" });

    /// <summary>Answers <c>/readyz</c>: <c>200</c> when Nomad answers with a leader, else <c>503</c> with the reason.</summary>
    public async Task<IResult> ReadyzAsync(CancellationToken ct)
    {
        var role = !settings.LeaderElection || election.IsLeader ? "leader" : "standby";
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(NomadTimeout);
        try
        {
            var leader = await nomad.Status.LeaderAsync(limit.Token).ConfigureAwait(false);
            if (leader.Length == 0)
            {
                return Results.Json(new { status = "unready", role, reason = "Nomad has no cluster leader" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new { status = "ready", role });
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var reason = e is OperationCanceledException ? $"Nomad did not answer within {NomadTimeout.TotalSeconds:0} s" : $"Nomad could not be reached: {e.Message}";
            return Results.Json(new { status = "unready", role, reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

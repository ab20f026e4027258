using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// The jobs endpoints (<c>command/agent/job_endpoint.go</c>): <c>/v1/jobs</c> (list, register),
/// <c>/v1/jobs/parse</c>, and <c>/v1/job/:id</c> with <c>/plan</c>, <c>/versions</c>, <c>/submission</c>,
/// <c>/deployment</c>, <c>/deployments</c>, <c>/evaluations</c>, <c>/summary</c>. Sub-paths are matched by suffix, as
/// Nomad's <c>JobSpecificRequest</c> does; the handlers are in <see cref="JobWrites"/> and <see cref="JobReads"/>. See docs/jobs-api.md.
/// </summary>
public static class JobsApi
{
    /// <summary>Nomad's 405 text (<c>ErrInvalidMethod</c>).</summary>
    public const string InvalidMethod = "Invalid method";

    private static readonly string[] AllMethods = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);
        var settler = new RunSettler(state);

        // Evaluations exist only because jobs make them; their endpoints are mapped with the jobs'.
        EvaluationsApi.Map(app, state);

        app.MapMethods("/v1/jobs", AllMethods, (HttpContext context, CancellationToken ct) => context.Request.Method switch
        {
            "GET" => JobReads.ListAsync(context, state, ct),
            "PUT" or "POST" => JobWrites.RegisterAsync(context, state, settler, "", ct),
            _ => Task.FromResult(NomadResults.Error(405, InvalidMethod)),
        });
        app.MapMethods("/v1/jobs/parse", AllMethods, (HttpContext context, CancellationToken ct) => context.Request.Method is "PUT" or "POST"
            ? JobParsing.HandleAsync(context, state, ct)
            : Task.FromResult(NomadResults.Error(405, InvalidMethod)));
        app.MapMethods("/v1/job/{**path}", AllMethods, (HttpContext context, string path, CancellationToken ct) =>
            Dispatch(context, state, settler, path, ct));
    }

    private static Task<IResult> Dispatch(HttpContext context, EmulatorState state, RunSettler settler, string path, CancellationToken ct)
    {
        var method = context.Request.Method;
        if (TrimSuffix(path, "/plan") is { } planId)
        {
            return method is "PUT" or "POST" ? JobWrites.PlanAsync(context, state, planId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/versions") is { } versionsId)
        {
            return JobReads.VersionsAsync(context, state, versionsId, ct);
        }

        if (TrimSuffix(path, "/deployments") is { } deploymentsId)
        {
            return method == "GET" ? JobReads.JobDeploymentsAsync(context, state, deploymentsId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/deployment") is { } deploymentId)
        {
            return method == "GET" ? JobReads.LatestDeploymentAsync(context, state, deploymentId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/evaluations") is { } evaluationsId)
        {
            return method == "GET" ? JobReads.JobEvaluationsAsync(context, state, evaluationsId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/allocations") is { } allocationsId)
        {
            return method == "GET" ? AllocationsApi.JobAllocationsAsync(context, state, allocationsId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/summary") is { } summaryId)
        {
            return JobReads.SummaryAsync(context, state, summaryId, ct);
        }

        if (TrimSuffix(path, "/submission") is { } submissionId)
        {
            return JobReads.SubmissionAsync(context, state, submissionId, ct);
        }

        return method switch
        {
            "GET" => JobReads.GetAsync(context, state, path, ct),
            "PUT" or "POST" => JobWrites.RegisterAsync(context, state, settler, path, ct),
            "DELETE" => Task.FromResult(JobWrites.Deregister(context, state, path)),
            _ => Task.FromResult(NomadResults.Error(405, InvalidMethod)),
        };
    }

    private static string? TrimSuffix(string path, string suffix) =>
        path.EndsWith(suffix, StringComparison.Ordinal) ? path[..^suffix.Length] : null;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Filter;
using Nomad.Emulator.Http;
using Nomad.Emulator.Jobs;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>The job reads: the job, the list with filter and paging, versions, submissions, summary, and the job's deployments and evaluations; all blocking.</summary>
internal static class JobReads
{
    /// <summary>Nomad's 404 text for a missing job.</summary>
    public const string JobNotFound = "job not found";

    internal static async Task<IResult> GetAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var query = QueryOptions.Parse(context.Request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (job, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Jobs.Get(query.Namespace, id) is { } stored
                ? ((JsonObject?)stored.Current.DeepClone(), stored.ModifyIndex)
                : (null, state.Jobs.JobsIndex),
            ct).ConfigureAwait(false);
        return job is null ? NotFound(context.Response, index, JobNotFound) : NomadResults.Json(context.Response, job, index);
    }

    internal static async Task<IResult> ListAsync(HttpContext context, EmulatorState state, CancellationToken ct)
    {
        var request = context.Request;
        var query = QueryOptions.Parse(request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!TryParseBool(request.Query["meta"], out var withMeta))
        {
            return NomadResults.Error(400, $"Failed to parse value of \"meta\" ({request.Query["meta"]}) as a bool");
        }

        if (query.Namespace != "*" && !state.Acl.AllowsNamespace(request, query.Namespace, "list-jobs"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        FilterNode? filter = null;
        if (query.Filter is not null)
        {
            (filter, var filterError) = FilterParser.Parse(query.Filter);
            if (filterError is not null)
            {
                return NomadResults.Error(400, $"failed to create result paginator: failed to read filter expression: {filterError}");
            }
        }

        var ((stubs, nextToken, evalError), index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Jobs.JobsIndex,
            () => ListStubs(request, state, query, filter, withMeta),
            ct).ConfigureAwait(false);
        if (evalError is not null)
        {
            return NomadResults.Error(400, $"failed to read result page: {evalError}");
        }

        if (nextToken.Length > 0)
        {
            context.Response.Headers["X-Nomad-NextToken"] = nextToken;
        }

        return NomadResults.Json(context.Response, stubs, index);
    }

    /// <summary>A job's list stub (<c>Job.Stub</c> in <c>nomad/structs/structs.go</c>); <c>Meta</c> only when asked and not empty.</summary>
    private static JsonObject Stub(StoredJob stored, bool withMeta)
    {
        var job = stored.Current;
        var stub = new JsonObject
        {
            ["ID"] = job["ID"]?.DeepClone(),
            ["ParentID"] = job["ParentID"]?.DeepClone() ?? "",
            ["Name"] = job["Name"]?.DeepClone(),
            ["Namespace"] = job["Namespace"]?.DeepClone(),
            ["Datacenters"] = job["Datacenters"]?.DeepClone(),
            ["NodePool"] = job["NodePool"]?.DeepClone(),
            ["Multiregion"] = job["Multiregion"]?.DeepClone(),
            ["Type"] = job["Type"]?.DeepClone(),
            ["Priority"] = job["Priority"]?.DeepClone(),
            ["Periodic"] = JobsTable.IsPeriodic(job),
            ["ParameterizedJob"] = JobsTable.IsParameterized(job),
            ["Stop"] = job["Stop"]?.DeepClone() ?? false,
            ["Status"] = job["Status"]?.DeepClone(),
            ["StatusDescription"] = job["StatusDescription"]?.DeepClone() ?? "",
            ["JobSummary"] = stored.Summary.DeepClone(),
            ["CreateIndex"] = job["CreateIndex"]?.DeepClone(),
            ["ModifyIndex"] = job["ModifyIndex"]?.DeepClone(),
            ["JobModifyIndex"] = job["JobModifyIndex"]?.DeepClone(),
            ["SubmitTime"] = job["SubmitTime"]?.DeepClone(),
        };
        if (withMeta && job["Meta"] is JsonObject { Count: > 0 } meta)
        {
            stub["Meta"] = meta.DeepClone();
        }

        return stub;
    }

    internal static async Task<IResult> VersionsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var request = context.Request;
        var query = QueryOptions.Parse(request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        var diffsText = request.Query["diffs"].ToString();
        if (!TryParseBool(diffsText, out var diffs))
        {
            return NomadResults.Error(500, $"Failed to parse value of \"diffs\" ({diffsText}) as a bool: strconv.ParseBool: parsing \"{diffsText}\": invalid syntax");
        }

        if (!state.Acl.AllowsNamespace(request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (versions, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Jobs.Get(query.Namespace, id) is { } stored
                ? (stored.Versions.Select(v => (JsonObject)v.DeepClone()).ToList(), stored.Versions.Max(v => v["ModifyIndex"]!.GetValue<long>()))
                : ([], state.Jobs.JobsIndex),
            ct).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return NotFound(context.Response, index, "job versions not found");
        }

        JsonArray? diffList = null;
        if (diffs)
        {
            diffList = [];
            for (var i = 0; i < versions.Count - 1; i++)
            {
                diffList.Add(JobDiffer.Diff(versions[i + 1], versions[i]));
            }
        }

        return NomadResults.Json(
            context.Response,
            new JsonObject
            {
                ["Versions"] = new JsonArray([.. versions]),
                ["Diffs"] = diffList,
                ["Index"] = index,
                ["LastContact"] = 0,
                ["KnownLeader"] = true,
                ["NextToken"] = "",
            },
            index);
    }

    internal static async Task<IResult> SubmissionAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var request = context.Request;
        if (!ulong.TryParse(request.Query["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return NomadResults.Error(400, "Unable to parse job submission version parameter");
        }

        if (request.Method != "GET")
        {
            return NomadResults.Error(405, JobsApi.InvalidMethod);
        }

        var query = QueryOptions.Parse(request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (submission, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Jobs.Get(query.Namespace, id) is { } stored && stored.Submissions.TryGetValue((long)version, out var s)
                ? ((JsonObject?)s.DeepClone(), s["JobModifyIndex"]!.GetValue<long>())
                : (null, state.Jobs.JobsIndex),
            ct).ConfigureAwait(false);
        return submission is null ? NotFound(context.Response, index, "job source not found") : NomadResults.Json(context.Response, submission, index);
    }

    internal static async Task<IResult> SummaryAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var query = QueryOptions.Parse(context.Request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (summary, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => state.Jobs.Get(query.Namespace, id) is { } stored
                ? ((JsonNode?)stored.Summary.DeepClone(), stored.ModifyIndex)
                : (null, state.Jobs.JobsIndex),
            ct).ConfigureAwait(false);
        return summary is null ? NotFound(context.Response, index, JobNotFound) : NomadResults.Json(context.Response, summary, index);
    }

    internal static async Task<IResult> JobDeploymentsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var query = QueryOptions.Parse(context.Request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (deployments, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => (state.Jobs.JobDeployments(query.Namespace, id), state.Jobs.DeploymentsIndex),
            ct).ConfigureAwait(false);
        return NomadResults.Json(context.Response, deployments, index);
    }

    internal static async Task<IResult> LatestDeploymentAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var query = QueryOptions.Parse(context.Request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (deployment, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => (state.Jobs.JobDeployments(query.Namespace, id) is [var latest, ..] ? latest : null, state.Jobs.DeploymentsIndex),
            ct).ConfigureAwait(false);
        if (deployment is null)
        {
            // A job without deployments answers a JSON null, not an empty body.
            NomadHeaders.SetMeta(context.Response, index);
            return Results.Text("null", "application/json");
        }

        return NomadResults.Json(context.Response, deployment, index);
    }

    internal static async Task<IResult> JobEvaluationsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var query = QueryOptions.Parse(context.Request, out var parseError);
        if (parseError is not null)
        {
            return NomadResults.Error(400, parseError);
        }

        if (!state.Acl.AllowsNamespace(context.Request, query.Namespace, "read-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var (evaluations, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () => (state.Jobs.JobEvaluations(query.Namespace, id), state.Jobs.EvaluationsIndex),
            ct).ConfigureAwait(false);
        return NomadResults.Json(context.Response, evaluations, index);
    }

    internal static bool TryParseBool(string? text, out bool value)
    {
        value = false;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        value = text is "1" or "t" or "T" or "TRUE" or "true" or "True";
        return value || text is "0" or "f" or "F" or "FALSE" or "false" or "False";
    }

    internal static IResult NotFound(HttpResponse response, long index, string text)
    {
        NomadHeaders.SetMeta(response, index);
        return NomadResults.Error(404, text);
    }

    /// <summary>
    /// One page of stubs as Nomad's paginator makes it (<c>nomad/state/paginator/paginator.go</c>): jobs whose
    /// <c>namespace.id</c> token sorts before <c>next_token</c> are skipped, then the filter, then the namespace check;
    /// after <c>per_page</c> stubs the next job's token is the next token.
    /// </summary>
    private static (List<JsonElement> Stubs, string NextToken, string? Error) ListStubs(HttpRequest request, EmulatorState state, QueryOptions query, FilterNode? filter, bool withMeta)
    {
        var stubs = new List<JsonElement>();
        foreach (var stored in state.Jobs.List(query.Namespace, query.Prefix))
        {
            var token = stored.Namespace + "." + stored.ID;
            if (query.NextToken is not null && string.CompareOrdinal(token, query.NextToken) < 0)
            {
                continue;
            }

            if (filter is not null)
            {
                var (matches, error) = FilterEvaluator.Evaluate(filter, stored.Current);
                if (error is not null)
                {
                    return ([], "", error);
                }

                if (!matches)
                {
                    continue;
                }
            }

            if (query.Namespace == "*" && !state.Acl.AllowsNamespace(request, stored.Namespace, "list-jobs"))
            {
                continue;
            }

            if (query.PerPage > 0 && stubs.Count == query.PerPage)
            {
                return (stubs, token, null);
            }

            stubs.Add(stored.StubElement(withMeta, () => JsonSerializer.SerializeToElement(Stub(stored, withMeta), NomadJson.Options)));
        }

        return (stubs, "", null);
    }
}

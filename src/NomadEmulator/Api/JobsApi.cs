using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Filter;
using Nomad.Emulator.Http;
using Nomad.Emulator.Jobs;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// The jobs endpoints (<c>command/agent/job_endpoint.go</c>): <c>/v1/jobs</c> (list, register),
/// <c>/v1/jobs/parse</c>, and <c>/v1/job/:id</c> with <c>/plan</c>, <c>/versions</c>, <c>/submission</c>,
/// <c>/deployment</c>, <c>/deployments</c>, <c>/evaluations</c>, <c>/summary</c>. Sub-paths are matched by suffix, as
/// Nomad's <c>JobSpecificRequest</c> does. See docs/jobs-api.md.
/// </summary>
public static class JobsApi
{
    /// <summary>Nomad's 405 text (<c>ErrInvalidMethod</c>).</summary>
    public const string InvalidMethod = "Invalid method";

    /// <summary>Nomad's 404 text for a missing job.</summary>
    public const string JobNotFound = "job not found";

    /// <summary>Nomad's default <c>job_max_source_size</c> ("1M", parsed by go-humanize as 1,000,000 bytes).</summary>
    public const int MaxSourceSize = 1_000_000;

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
            "GET" => ListAsync(context, state, ct),
            "PUT" or "POST" => RegisterAsync(context, state, settler, "", ct),
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
            return method is "PUT" or "POST" ? PlanAsync(context, state, planId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/versions") is { } versionsId)
        {
            return VersionsAsync(context, state, versionsId, ct);
        }

        if (TrimSuffix(path, "/deployments") is { } deploymentsId)
        {
            return method == "GET" ? JobDeploymentsAsync(context, state, deploymentsId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/deployment") is { } deploymentId)
        {
            return method == "GET" ? LatestDeploymentAsync(context, state, deploymentId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/evaluations") is { } evaluationsId)
        {
            return method == "GET" ? JobEvaluationsAsync(context, state, evaluationsId, ct) : Task.FromResult(NomadResults.Error(405, InvalidMethod));
        }

        if (TrimSuffix(path, "/summary") is { } summaryId)
        {
            return SummaryAsync(context, state, summaryId, ct);
        }

        if (TrimSuffix(path, "/submission") is { } submissionId)
        {
            return SubmissionAsync(context, state, submissionId, ct);
        }

        return method switch
        {
            "GET" => GetAsync(context, state, path, ct),
            "PUT" or "POST" => RegisterAsync(context, state, settler, path, ct),
            "DELETE" => Task.FromResult(Deregister(context, state, path)),
            _ => Task.FromResult(NomadResults.Error(405, InvalidMethod)),
        };
    }

    private static string? TrimSuffix(string path, string suffix) =>
        path.EndsWith(suffix, StringComparison.Ordinal) ? path[..^suffix.Length] : null;

    private static async Task<IResult> RegisterAsync(HttpContext context, EmulatorState state, RunSettler settler, string urlId, CancellationToken ct)
    {
        var request = context.Request;
        var (body, error) = await JsonBody.ReadObjectAsync(request, "api.JobRegisterRequest", ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (JsonBody.Field(body!, "Job") is not JsonObject apiJob)
        {
            return NomadResults.Error(400, "Job must be specified");
        }

        if (JsonBody.Field(apiJob, "ID") is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            return NomadResults.Error(400, "Job ID hasn't been provided");
        }

        if (urlId.Length > 0 && id != urlId)
        {
            return NomadResults.Error(400, "Job ID does not match name");
        }

        var ns = NamespaceFor(request, body!, apiJob);
        if (!state.Acl.AllowsNamespace(request, ns, "submit-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var admitted = Admit(request, state, apiJob, ns);
        if (admitted.Error is not null)
        {
            return NomadResults.Error(500, admitted.Error);
        }

        var warnings = admitted.Warnings.ToList();
        var submission = JsonBody.Field(body!, "Submission") as JsonObject;
        if (submission is not null && SourceSize(submission) is var size && size > MaxSourceSize)
        {
            warnings.Add($"job source size of {HumanBytes(size)} exceeds maximum of {HumanBytes(MaxSourceSize)} and will be discarded");
            submission = null;
        }

        var registration = new JobRegistration(
            ns,
            admitted.Job!,
            JsonBody.Bool(body!, "EnforceIndex"),
            JsonBody.WholeNumber(body!, "JobModifyIndex"),
            JsonBody.Bool(body!, "PreserveCounts"),
            submission is null ? null : NormalizeSubmission(submission));
        var outcome = state.Write(index => state.Jobs.Register(registration, index, state.NowUnixNano()));
        if (outcome.Error is not null)
        {
            return NomadResults.Error(500, outcome.Error);
        }

        settler.Schedule(outcome.Settle);
        NomadHeaders.SetIndex(context.Response, outcome.Index);
        return Results.Json(
            new
            {
                outcome.EvalID,
                outcome.EvalCreateIndex,
                outcome.JobModifyIndex,
                Warnings = MergeWarnings(warnings),
                outcome.Index,
                LastContact = 0,
                KnownLeader = false,
                NextToken = "",
            },
            NomadJson.Options);
    }

    private static async Task<IResult> PlanAsync(HttpContext context, EmulatorState state, string urlId, CancellationToken ct)
    {
        var request = context.Request;
        var (body, error) = await JsonBody.ReadObjectAsync(request, "api.JobPlanRequest", ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (JsonBody.Field(body!, "Job") is not JsonObject apiJob)
        {
            return NomadResults.Error(400, "Job must be specified");
        }

        if (JsonBody.Field(apiJob, "ID") is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
        {
            return NomadResults.Error(400, "Job must have a valid ID");
        }

        if (urlId.Length > 0 && id != urlId)
        {
            return NomadResults.Error(400, "Job ID does not match");
        }

        var ns = NamespaceFor(request, body!, apiJob);
        if (!state.Acl.AllowsNamespace(request, ns, "submit-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var admitted = Admit(request, state, apiJob, ns);
        if (admitted.Error is not null)
        {
            return NomadResults.Error(500, admitted.Error);
        }

        var job = admitted.Job!;
        job["Namespace"] = ns;
        var existing = state.Read(() => state.Jobs.Get(ns, id)?.Current.DeepClone() as JsonObject);
        if (existing is not null && JobsTable.TransitionError(existing, job) is { } transitionError)
        {
            return NomadResults.Error(500, transitionError);
        }

        var diff = JobDiffer.Diff(existing, job);
        var index = existing?["JobModifyIndex"]?.GetValue<long>() ?? 0;
        NomadHeaders.SetIndex(context.Response, index);
        return Results.Json(
            new
            {
                Annotations = new { DesiredTGUpdates = PlanAnnotations.DesiredTGUpdates(existing, job, diff), PreemptedAllocs = (object?)null },
                FailedTGAllocs = (object?)null,
                JobModifyIndex = index,
                CreatedEvals = (object?)null,
                Diff = JsonBody.Bool(body!, "Diff") ? diff : null,
                NextPeriodicLaunch = "0001-01-01T00:00:00Z",
                Warnings = MergeWarnings(admitted.Warnings),
                Index = index,
            },
            NomadJson.Options);
    }

    private static async Task<IResult> GetAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static async Task<IResult> ListAsync(HttpContext context, EmulatorState state, CancellationToken ct)
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
            () => (ListStubs(request, state, query, filter, withMeta), state.Jobs.JobsIndex),
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

    /// <summary>
    /// One page of stubs as Nomad's paginator makes it (<c>nomad/state/paginator/paginator.go</c>): jobs whose
    /// <c>namespace.id</c> token sorts before <c>next_token</c> are skipped, then the filter, then the namespace check;
    /// after <c>per_page</c> stubs the next job's token is the next token.
    /// </summary>
    private static (JsonArray Stubs, string NextToken, string? Error) ListStubs(HttpRequest request, EmulatorState state, QueryOptions query, FilterNode? filter, bool withMeta)
    {
        var stubs = new JsonArray();
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

            stubs.Add(Stub(stored, withMeta));
        }

        return (stubs, "", null);
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

    private static IResult Deregister(HttpContext context, EmulatorState state, string id)
    {
        var request = context.Request;
        var purgeText = request.Query["purge"].ToString();
        if (!TryParseBool(purgeText, out var purge))
        {
            return NomadResults.Error(500, $"Failed to parse value of \"purge\" ({purgeText}) as a bool: strconv.ParseBool: parsing \"{purgeText}\": invalid syntax");
        }

        var query = QueryOptions.Parse(request, out _);
        if (!state.Acl.AllowsNamespace(request, query.Namespace, "submit-job"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var outcome = state.Write(index => state.Jobs.Deregister(query.Namespace, id, purge, index, state.NowUnixNano()));
        NomadHeaders.SetIndex(context.Response, outcome.Index);
        return Results.Json(
            new
            {
                outcome.EvalID,
                outcome.EvalCreateIndex,
                outcome.JobModifyIndex,
                VolumeEvalID = "",
                VolumeEvalIndex = 0,
                outcome.Index,
                LastContact = 0,
                KnownLeader = false,
                NextToken = "",
            },
            NomadJson.Options);
    }

    private static async Task<IResult> VersionsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static async Task<IResult> SubmissionAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        var request = context.Request;
        if (!ulong.TryParse(request.Query["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return NomadResults.Error(400, "Unable to parse job submission version parameter");
        }

        if (request.Method != "GET")
        {
            return NomadResults.Error(405, InvalidMethod);
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

    private static async Task<IResult> SummaryAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static async Task<IResult> JobDeploymentsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static async Task<IResult> LatestDeploymentAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static async Task<IResult> JobEvaluationsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

    private static AdmissionResult Admit(HttpRequest request, EmulatorState state, JsonObject apiJob, string ns)
    {
        var job = (JsonObject)apiJob.DeepClone();
        job["Namespace"] = ns;
        var queryRegion = request.Query["region"].ToString();
        if (queryRegion.Length > 0)
        {
            job["Region"] = queryRegion;
        }
        else if (JsonBody.Field(job, "Region") is not JsonValue)
        {
            job["Region"] = state.Options.Region;
        }

        var admitted = JobAdmission.Admit(job);
        if (admitted.Job is { } stored)
        {
            stored["Namespace"] = ns;
        }

        return admitted;
    }

    /// <summary>Query <c>namespace</c>, then the body's <c>Namespace</c>, then the job's, then <c>default</c> (<c>namespaceForJob</c>).</summary>
    private static string NamespaceFor(HttpRequest request, JsonObject body, JsonObject job)
    {
        var fromQuery = request.Query["namespace"].ToString();
        if (fromQuery.Length > 0)
        {
            return fromQuery;
        }

        if (JsonBody.Field(body, "Namespace") is JsonValue b && b.TryGetValue<string>(out var fromBody) && fromBody.Length > 0)
        {
            return fromBody;
        }

        return JsonBody.Field(job, "Namespace") is JsonValue j && j.TryGetValue<string>(out var fromJob) && fromJob.Length > 0
            ? fromJob
            : "default";
    }

    private static JsonObject NormalizeSubmission(JsonObject submission) => new()
    {
        ["Source"] = JsonBody.Field(submission, "Source")?.DeepClone() ?? "",
        ["Format"] = JsonBody.Field(submission, "Format")?.DeepClone() ?? "",
        ["VariableFlags"] = JsonBody.Field(submission, "VariableFlags")?.DeepClone(),
        ["Variables"] = JsonBody.Field(submission, "Variables")?.DeepClone() ?? "",
    };

    /// <summary>The size Nomad's <c>submissionController</c> counts: source, variables, and every flag key and value.</summary>
    private static long SourceSize(JsonObject submission)
    {
        static long Length(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? System.Text.Encoding.UTF8.GetByteCount(s) : 0;
        var size = Length(JsonBody.Field(submission, "Source")) + Length(JsonBody.Field(submission, "Variables"));
        if (JsonBody.Field(submission, "VariableFlags") is JsonObject flags)
        {
            size += flags.Sum(f => System.Text.Encoding.UTF8.GetByteCount(f.Key) + Length(f.Value));
        }

        return size;
    }

    /// <summary>go-humanize's <c>Bytes</c>: SI units, one decimal below 10 (<c>1.0 MB</c>), none above (<c>12 MB</c>).</summary>
    public static string HumanBytes(long size)
    {
        if (size < 10)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{size} B");
        }

        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var e = Math.Floor(Math.Log(size) / Math.Log(1000));
        var value = Math.Floor(size / Math.Pow(1000, e) * 10 + 0.5) / 10;
        var format = value < 10 ? "{0:0.0} {1}" : "{0:0} {1}";
        return string.Format(CultureInfo.InvariantCulture, format, value, units[(int)e]);
    }

    /// <summary>Nomad's <c>helper.MergeMultierrorWarnings</c>: "" or "N warning(s):\n\n* …".</summary>
    public static string MergeWarnings(IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (warnings.Count == 0)
        {
            return "";
        }

        var header = warnings.Count == 1 ? "1 warning:\n" : string.Create(CultureInfo.InvariantCulture, $"{warnings.Count} warnings:\n");
        return header + string.Concat(warnings.Select(w => "\n* " + w.Trim()));
    }

    private static bool TryParseBool(string? text, out bool value)
    {
        value = false;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        value = text is "1" or "t" or "T" or "TRUE" or "true" or "True";
        return value || text is "0" or "f" or "F" or "FALSE" or "false" or "False";
    }

    private static IResult NotFound(HttpResponse response, long index, string text)
    {
        NomadHeaders.SetMeta(response, index);
        return NomadResults.Error(404, text);
    }
}

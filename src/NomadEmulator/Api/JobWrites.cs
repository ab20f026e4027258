using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.Jobs;
using Nomad.Emulator.State;
using Nomad.Hcl;

namespace Nomad.Emulator.Api;

/// <summary>
/// The job writes (<c>command/agent/job_endpoint.go</c> <c>jobUpdate</c>, <c>jobPlan</c>, <c>jobDelete</c>; <c>nomad/job_endpoint.go</c>
/// <c>Register</c>, <c>Plan</c>, <c>Deregister</c>): body checks, admission through the jobs domain, then <see cref="JobsTable"/>.
/// </summary>
internal static class JobWrites
{
    /// <summary>Nomad's default <c>job_max_source_size</c> ("1M", parsed by go-humanize as 1,000,000 bytes).</summary>
    public const int MaxSourceSize = 1_000_000;

    internal static async Task<IResult> RegisterAsync(HttpContext context, EmulatorState state, RunSettler settler, string urlId, CancellationToken ct)
    {
        var request = context.Request;
        var (body, error) = await JsonBody.ReadObjectAsync(request, "api.JobRegisterRequest", ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // decodeBody into api.JobRegisterRequest: a value of the wrong JSON type fails the whole decode (CodedError 400).
        if (ApiJobJson.RequestTypeError(body!, "JobRegisterRequest") is { } typeError)
        {
            return NomadResults.Error(400, typeError);
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

    internal static async Task<IResult> PlanAsync(HttpContext context, EmulatorState state, string urlId, CancellationToken ct)
    {
        var request = context.Request;
        var (body, error) = await JsonBody.ReadObjectAsync(request, "api.JobPlanRequest", ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // decodeBody into api.JobPlanRequest: a value of the wrong JSON type fails the whole decode (CodedError 400).
        if (ApiJobJson.RequestTypeError(body!, "JobPlanRequest") is { } typeError)
        {
            return NomadResults.Error(400, typeError);
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

    internal static IResult Deregister(HttpContext context, EmulatorState state, string id)
    {
        var request = context.Request;
        var purgeText = request.Query["purge"].ToString();
        if (!JobReads.TryParseBool(purgeText, out var purge))
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

        // jobNamespaceConstraintCheckHook and jobNodePoolValidatingHook, run on register and plan alike: a job is only
        // admitted into a namespace and a node pool that exist; their errors join the other validators' (multierror).
        var cluster = new AdmissionCluster(
            name => state.Read(() => state.Namespaces.Exists(name)),
            pool => pool is "default" or "all");
        var admitted = JobAdmission.Admit(job, cluster);
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
}

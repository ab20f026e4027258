using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// Nomad's jobs API: parse, plan, register, read, list, deregister, versions, latest deployment, submission.
/// Jobs travel as <see cref="JsonObject"/> so no field is dropped between parse, plan and register.
/// </summary>
public sealed class JobsClient
{
    private static readonly HashSet<HttpStatusCode> NotFound = [HttpStatusCode.NotFound];
    private readonly NomadTransport _transport;

    internal JobsClient(NomadTransport transport) => _transport = transport;

    /// <summary>Parses HCL2 on the server (<c>POST /v1/jobs/parse</c>) into job JSON; a parse error is a 400 <see cref="NomadApiException"/>.</summary>
    public async Task<JsonObject> ParseAsync(JobParseRequest request, WriteOptions? write = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["JobHCL"] = request.JobHcl,
            ["Canonicalize"] = request.Canonicalize,
            ["HCLv1"] = false,
        };
        if (request.Variables is not null)
        {
            body["Variables"] = request.Variables;
        }

        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Post, "/v1/jobs/parse") { Query = _transport.WriteParameters(write), Body = body }, ct).ConfigureAwait(false);
        return NomadJson.Read<JsonObject>(response.Body) ?? [];
    }

    /// <summary>
    /// Plans a job against the cluster (<c>POST /v1/job/:id/plan</c>), with the diff unless <paramref name="diff"/> is false.
    /// As with register, Nomad takes the namespace from the query (call, then options) before the job's own <c>Namespace</c>.
    /// </summary>
    public async Task<JobPlanResponse> PlanAsync(JsonObject job, bool diff = true, bool policyOverride = false, WriteOptions? write = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["Job"] = job.DeepClone(),
            ["Diff"] = diff,
            ["PolicyOverride"] = policyOverride,
        };
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Post, $"/v1/job/{NomadPath.Segment(JobId(job))}/plan")
            {
                Query = _transport.WriteParameters(write),
                Body = body,
            },
            ct).ConfigureAwait(false);
        return NomadJson.Read<JobPlanResponse>(response.Body) ?? new JobPlanResponse();
    }

    /// <summary>
    /// Registers a job (<c>POST /v1/jobs</c>). An EnforceIndex mismatch is a 500 <see cref="NomadApiException"/>
    /// ("Enforcing job modify index …"), which is not retried.
    /// </summary>
    public async Task<JobRegisterResponse> RegisterAsync(JobRegisterRequest request, WriteOptions? write = null, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["Job"] = request.Job.DeepClone(),
            ["EnforceIndex"] = request.EnforceIndex,
            ["JobModifyIndex"] = request.JobModifyIndex,
            ["PreserveCounts"] = request.PreserveCounts,
            ["PolicyOverride"] = request.PolicyOverride,
        };
        if (request.Submission is { } submission)
        {
            body["Submission"] = NomadJson.ToNode(submission);
        }

        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Post, "/v1/jobs") { Query = _transport.WriteParameters(write), Body = body },
            ct).ConfigureAwait(false);
        return NomadJson.Read<JobRegisterResponse>(response.Body) ?? new JobRegisterResponse();
    }

    /// <summary>Reads a job (<c>GET /v1/job/:id</c>) as JSON; null when it does not exist. Blocking.</summary>
    public async Task<QueryResult<JsonObject?>> ReadAsync(string jobId, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await GetAsync<JsonObject>($"/v1/job/{NomadPath.Segment(jobId)}", query, [], ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }

    /// <summary>One page of job stubs (<c>GET /v1/jobs</c>), with job meta unless <paramref name="meta"/> is false. Blocking.</summary>
    public async Task<QueryResult<IReadOnlyList<JobListStub>>> ListAsync(QueryOptions? query = null, bool meta = true, CancellationToken ct = default)
    {
        var response = await GetAsync<List<JobListStub>>("/v1/jobs", query, meta ? [new("meta", "true")] : [], ct).ConfigureAwait(false);
        return response.Meta.With<IReadOnlyList<JobListStub>>(response.Value ?? []);
    }

    /// <summary>Every page of job stubs, following <c>X-Nomad-NextToken</c>.</summary>
    public Task<QueryResult<IReadOnlyList<JobListStub>>> ListAllAsync(QueryOptions? query = null, bool meta = true, CancellationToken ct = default) =>
        Pager.AllPagesAsync((q, c) => ListAsync(q, meta, c), query, ct);

    /// <summary>Stops a job (<c>DELETE /v1/job/:id?purge=false</c>), or removes it entirely with <paramref name="purge"/>.</summary>
    public async Task<JobDeregisterResponse> DeregisterAsync(string jobId, bool purge = false, WriteOptions? write = null, CancellationToken ct = default)
    {
        var query = _transport.WriteParameters(write);
        query.Add(new("purge", purge ? "true" : "false"));
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Delete, $"/v1/job/{NomadPath.Segment(jobId)}") { Query = query }, ct).ConfigureAwait(false);
        return NomadJson.Read<JobDeregisterResponse>(response.Body) ?? new JobDeregisterResponse();
    }

    /// <summary>A job's versions (<c>GET /v1/job/:id/versions</c>), with diffs when asked; null when the job does not exist.</summary>
    public async Task<QueryResult<JobVersions?>> VersionsAsync(string jobId, bool diffs = false, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await GetAsync<JobVersions>($"/v1/job/{NomadPath.Segment(jobId)}/versions", query, [new("diffs", diffs ? "true" : "false")], ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }

    /// <summary>The job's latest deployment (<c>GET /v1/job/:id/deployment</c>); null when it has none. Blocking.</summary>
    public async Task<QueryResult<Deployment?>> LatestDeploymentAsync(string jobId, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await GetAsync<Deployment>($"/v1/job/{NomadPath.Segment(jobId)}/deployment", query, [], ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }

    /// <summary>
    /// The deployments of the job as it exists now (<c>GET /v1/job/:id/deployments</c>), newest first; empty for an
    /// unknown job. Blocking.
    /// </summary>
    public async Task<QueryResult<IReadOnlyList<Deployment>>> DeploymentsAsync(string jobId, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await GetAsync<List<Deployment>>($"/v1/job/{NomadPath.Segment(jobId)}/deployments", query, [], ct).ConfigureAwait(false);
        return response.Meta.With<IReadOnlyList<Deployment>>(response.StatusCode == HttpStatusCode.NotFound ? [] : response.Value ?? []);
    }

    /// <summary>The source a job version was registered with (<c>GET /v1/job/:id/submission?version=N</c>); null when none was stored.</summary>
    public async Task<QueryResult<JobSubmission?>> SubmissionAsync(string jobId, ulong version, QueryOptions? query = null, CancellationToken ct = default)
    {
        var response = await GetAsync<JobSubmission>(
            $"/v1/job/{NomadPath.Segment(jobId)}/submission", query, [new("version", version.ToString(CultureInfo.InvariantCulture))], ct).ConfigureAwait(false);
        return response.Meta.With(response.StatusCode == HttpStatusCode.NotFound ? null : response.Value);
    }

    private Task<NomadValueResponse<T>> GetAsync<T>(string path, QueryOptions? query, KeyValuePair<string, string?>[] extra, CancellationToken ct)
    {
        var parameters = _transport.ReadParameters(query);
        parameters.AddRange(extra);
        return _transport.ReadAsync<T>(
            new NomadRequest(HttpMethod.Get, path)
            {
                Query = parameters,
                Expected = NotFound,
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct);
    }

    private static string JobId(JsonObject job) =>
        job["ID"]?.GetValue<string>() is { Length: > 0 } id ? id : throw new ArgumentException("the job has no ID", nameof(job));
}

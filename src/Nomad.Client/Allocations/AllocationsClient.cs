using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// Nomad's allocation API as <c>nomad job restart</c> uses it (command/job_restart.go): a job's allocations
/// (<c>GET /v1/job/:id/allocations</c>, read-job), the client's restart (<c>PUT /v1/client/allocation/:id/restart</c>,
/// alloc-lifecycle) and the stop that makes the scheduler replace an allocation (<c>POST /v1/allocation/:id/stop</c>,
/// alloc-lifecycle; <c>-reschedule</c>).
/// </summary>
public sealed class AllocationsClient
{
    private readonly NomadTransport _transport;

    internal AllocationsClient(NomadTransport transport) => _transport = transport;

    /// <summary>A job's allocations (<c>?all=true</c> also lists replaced ones); a missing job has none. Blocking.</summary>
    public async Task<QueryResult<IReadOnlyList<AllocationListStub>>> ForJobAsync(string jobId, bool all = false, QueryOptions? query = null, CancellationToken ct = default)
    {
        var parameters = _transport.ReadParameters(query);
        if (all)
        {
            parameters.Add(new("all", "true"));
        }

        var response = await _transport.ReadAsync<List<AllocationListStub>>(
            new NomadRequest(HttpMethod.Get, $"/v1/job/{NomadPath.Segment(jobId)}/allocations")
            {
                Query = parameters,
                BlockingAllowance = query?.BlockingAllowance() ?? TimeSpan.Zero,
            },
            ct).ConfigureAwait(false);
        return response.Meta.With<IReadOnlyList<AllocationListStub>>(response.Value ?? []);
    }

    /// <summary>
    /// Restarts an allocation's tasks in place (<c>PUT /v1/client/allocation/:id/restart</c>): the running tasks, one
    /// task (<paramref name="task"/>), or every task (<paramref name="allTasks"/>). An unknown allocation is a 404
    /// <see cref="NomadApiException"/> (<c>Unknown allocation "ID"</c>).
    /// </summary>
    public async Task RestartAsync(string allocationId, string task = "", bool allTasks = false, WriteOptions? write = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["TaskName"] = task, ["AllTasks"] = allTasks };
        await _transport.SendAsync(
            new NomadRequest(HttpMethod.Put, $"/v1/client/allocation/{NomadPath.Segment(allocationId)}/restart")
            {
                Query = _transport.WriteParameters(write),
                Body = body,
            },
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops an allocation so the scheduler places a replacement (<c>POST /v1/allocation/:id/stop</c>, as
    /// <c>nomad alloc stop</c> and <c>nomad job restart -reschedule</c> do); returns the evaluation's ID.
    /// </summary>
    public async Task<string> StopAsync(string allocationId, WriteOptions? write = null, CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Post, $"/v1/allocation/{NomadPath.Segment(allocationId)}/stop")
            {
                Query = _transport.WriteParameters(write),
            },
            ct).ConfigureAwait(false);
        return NomadJson.Read<JsonObject>(response.Body)?["EvalID"]?.GetValue<string>() ?? "";
    }
}

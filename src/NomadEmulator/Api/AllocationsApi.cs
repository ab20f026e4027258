using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Api;

/// <summary>
/// Allocations (see docs/allocations.md): <c>GET /v1/job/:id/allocations</c> (read-job; stubs as
/// api.AllocationListStub, blocking), <c>GET /v1/allocation/:id</c> (read-job), and the client's
/// <c>PUT|POST /v1/client/allocation/:id/restart</c> (alloc-lifecycle; body <c>{"TaskName", "AllTasks"}</c>, may be
/// empty; answers <c>{"Index": 0}</c> as the agent's GenericResponse), and <c>PUT|POST /v1/allocation/:id/stop</c>
/// (alloc-lifecycle; answers api.AllocStopResponse <c>{"EvalID", "Index"}</c>; the stopped allocation is replaced at the
/// next listing, as the scheduler would place a new one). An unknown allocation is
/// <c>404 Unknown allocation "ID"</c>; a job's allocations are placed when first listed (<see cref="AllocationsTable"/>).
/// </summary>
internal static class AllocationsApi
{
    private static readonly string[] AllMethods = ["GET", "PUT", "POST", "DELETE"];

    /// <summary>Maps the endpoints that are not under <c>/v1/job/</c>.</summary>
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapMethods("/v1/allocation/{id}", AllMethods, (HttpContext context, string id) =>
            context.Request.Method == "GET" ? Info(context, state, id) : NomadResults.Error(405, "Invalid method"));
        app.MapMethods("/v1/client/allocation/{id}/restart", AllMethods, (HttpContext context, string id, CancellationToken ct) =>
            context.Request.Method is "PUT" or "POST" ? RestartAsync(context, state, id, ct) : Task.FromResult(NomadResults.Error(405, "Invalid method")));
        app.MapMethods("/v1/allocation/{id}/stop", AllMethods, (HttpContext context, string id) =>
            context.Request.Method is "PUT" or "POST" ? StopAlloc(context, state, id) : NomadResults.Error(405, "Invalid method"));
    }

    // nomad/alloc_endpoint.go Alloc.Stop: getAlloc's unknown allocation, then alloc-lifecycle in the alloc's namespace.
    private static IResult StopAlloc(HttpContext context, EmulatorState state, string id)
    {
        var alloc = state.Read(() => state.Allocations.Get(id));
        if (alloc is null)
        {
            return NomadResults.Error(404, $"Unknown allocation \"{id}\"");
        }

        if (!state.Acl.AllowsNamespace(context.Request, alloc.Namespace, "alloc-lifecycle"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var index = state.Write(index =>
        {
            state.Allocations.StopForReschedule(alloc, index, state.NowUnixNano());
            return index;
        });
        return NomadResults.Json(context.Response, new JsonObject { ["EvalID"] = Guid.NewGuid().ToString(), ["Index"] = index }, index);
    }

    /// <summary><c>GET /v1/job/:id/allocations</c>: the job's allocations (a missing job has none).</summary>
    internal static async Task<IResult> JobAllocationsAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
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

        var all = string.Equals(context.Request.Query["all"], "true", StringComparison.OrdinalIgnoreCase);
        var (stubs, index) = await BlockingQuery.RunAsync(
            state,
            query,
            () =>
            {
                if (state.Jobs.Get(query.Namespace, id) is not { } job)
                {
                    return (new JsonArray(), Math.Max(state.Allocations.AllocationsIndex, 1));
                }

                var allocations = state.Allocations.ForJob(job, Math.Max(job.ModifyIndex, state.Allocations.AllocationsIndex), state.NowUnixNano());
                var list = new JsonArray();
                foreach (var alloc in allocations.Where(a => all || a.DesiredStatus == "run" || a.NextAllocation.Length == 0))
                {
                    list.Add(Stub(alloc));
                }

                return (list, Math.Max(state.Allocations.AllocationsIndex, 1));
            },
            ct).ConfigureAwait(false);
        return NomadResults.Json(context.Response, stubs, index);
    }

    private static IResult Info(HttpContext context, EmulatorState state, string id)
    {
        var found = state.Read(() => state.Allocations.Get(id) is { } alloc ? (Alloc: alloc, Json: Full(alloc)) : default);
        if (found.Alloc is null)
        {
            return NomadResults.Error(404, "alloc not found");
        }

        return !state.Acl.AllowsNamespace(context.Request, found.Alloc.Namespace, "read-job")
            ? NomadResults.Error(403, "Permission denied")
            : NomadResults.Json(context.Response, found.Json, found.Alloc.ModifyIndex);
    }

    private static async Task<IResult> RestartAsync(HttpContext context, EmulatorState state, string id, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        var task = "";
        var allTasks = false;
        if (text.Trim().Length > 0)
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject body)
                {
                    task = JsonBody.Field(body, "TaskName") is JsonValue v && v.TryGetValue<string>(out var name) ? name : "";
                    allTasks = JsonBody.Bool(body, "AllTasks");
                }
            }
            catch (JsonException e)
            {
                return NomadResults.Error(400, e.Message);
            }
        }

        var alloc = state.Read(() => state.Allocations.Get(id));
        if (alloc is null)
        {
            return NomadResults.Error(404, $"Unknown allocation \"{id}\"");
        }

        if (!state.Acl.AllowsNamespace(context.Request, alloc.Namespace, "alloc-lifecycle"))
        {
            return NomadResults.Error(403, "Permission denied");
        }

        var error = state.Write(index => state.Allocations.Restart(alloc, task, allTasks, index, state.NowUnixNano()));
        return error is null
            ? NomadResults.Json(context.Response, new JsonObject { ["Index"] = 0 }, 0)
            : NomadResults.Error(500, error);
    }

    /// <summary>api.AllocationListStub's fields the emulator knows.</summary>
    internal static JsonObject Stub(StoredAllocation alloc)
    {
        var states = new JsonObject();
        foreach (var (name, taskState) in alloc.TaskStates)
        {
            states[name] = taskState.DeepClone();
        }

        return new JsonObject
        {
            ["ID"] = alloc.ID,
            ["EvalID"] = "",
            ["Name"] = alloc.Name,
            ["Namespace"] = alloc.Namespace,
            ["NodeID"] = EmulatorNode.ID,
            ["NodeName"] = EmulatorNode.Name,
            ["JobID"] = alloc.JobID,
            ["JobType"] = alloc.JobType,
            ["JobVersion"] = alloc.JobVersion,
            ["TaskGroup"] = alloc.TaskGroup,
            ["DesiredStatus"] = alloc.DesiredStatus,
            ["DesiredDescription"] = alloc.DesiredStatus == "stop" ? "alloc is being updated due to job update" : "",
            ["ClientStatus"] = alloc.ClientStatus,
            ["ClientDescription"] = alloc.ClientStatus == "running" ? "Tasks are running" : "All tasks have completed",
            ["TaskStates"] = states,
            ["DeploymentStatus"] = null,
            ["FollowupEvalID"] = "",
            ["NextAllocation"] = alloc.NextAllocation,
            ["RescheduleTracker"] = null,
            ["PreemptedAllocations"] = null,
            ["PreemptedByAllocation"] = "",
            ["CreateIndex"] = alloc.CreateIndex,
            ["ModifyIndex"] = alloc.ModifyIndex,
            ["CreateTime"] = alloc.CreateTime,
            ["ModifyTime"] = alloc.ModifyTime,
        };
    }

    private static JsonObject Full(StoredAllocation alloc)
    {
        var full = Stub(alloc);
        full["PreviousAllocation"] = alloc.PreviousAllocation;
        full["DesiredTransition"] = new JsonObject();
        return full;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Nomad.Emulator.State;

/// <summary>
/// The emulator's allocations. There is no scheduler: a job's allocations are placed when they are first asked for
/// (and after each register, count change or stop), one per count of each task group of the current version, all
/// running at once; allocations of groups or counts that went away, and of stopped jobs, are stopped. Restarts
/// follow the client's RestartAllocation (client/client.go): running tasks, one task, or all tasks get a
/// <c>Restart Signaled</c> event with the user's reason, then <c>Restarting</c> and <c>Started</c>, and their
/// <c>Restarts</c> count grows. Callers hold <see cref="EmulatorState.Sync"/>.
/// </summary>
public sealed class AllocationsTable
{
    private readonly Dictionary<string, StoredAllocation> _allocations = new(StringComparer.Ordinal);

    /// <summary>Index of the last allocation change (for blocking queries).</summary>
    public long AllocationsIndex { get; private set; }

    /// <summary>The allocation with that ID.</summary>
    public StoredAllocation? Get(string id) => _allocations.GetValueOrDefault(id);

    /// <summary>
    /// The job's allocations after placing what its current version asks for (stopped ones included, as
    /// <c>/v1/job/:id/allocations?all=true</c> lists them), oldest first.
    /// </summary>
    public IReadOnlyList<StoredAllocation> ForJob(StoredJob job, long index, long now)
    {
        Place(job, index, now);
        return [.. _allocations.Values
            .Where(a => a.Namespace == job.Namespace && a.JobID == job.ID)
            .OrderBy(a => a.CreateIndex)
            .ThenBy(a => a.TaskGroup, StringComparer.Ordinal)
            .ThenBy(a => a.Index)];
    }

    /// <summary>
    /// Restarts the allocation's tasks as the client does: <paramref name="task"/> alone when set, every task with
    /// <paramref name="allTasks"/>, else the running ones. Returns the error text, or null.
    /// </summary>
    public string? Restart(StoredAllocation alloc, string task, bool allTasks, long index, long now)
    {
        if (allTasks && task.Length > 0)
        {
            return "task name cannot be set when restarting all tasks";
        }

        if (task.Length > 0 && !alloc.TaskStates.ContainsKey(task))
        {
            return $"Failed to restart task \"{task}\": task not found in allocation";
        }

        var reason = task.Length > 0 ? "User requested task to restart"
            : allTasks ? "User requested all tasks to restart"
            : "User requested running tasks to restart";
        foreach (var (name, state) in alloc.TaskStates)
        {
            if ((task.Length > 0 && name != task) || (!allTasks && task.Length == 0 && state["State"]?.GetValue<string>() != "running"))
            {
                continue;
            }

            state["Restarts"] = (state["Restarts"]?.GetValue<long>() ?? 0) + 1;
            state["LastRestart"] = Rfc3339(now);
            state["State"] = "running";
            var events = (JsonArray)state["Events"]!;
            events.Add(Event("Restart Signaled", now, reason, restartReason: reason));
            events.Add(Event("Restarting", now, "Task restarting in 0s", restartReason: reason));
            events.Add(Event("Started", now, "Task started by client"));
        }

        Touch(alloc, index, now);
        return null;
    }

    /// <summary>
    /// Stops the allocation as <c>Alloc.Stop</c> does (desired status stop, tasks killed); the next listing of the
    /// job places its replacement and links the two (<c>NextAllocation</c>/<c>PreviousAllocation</c>).
    /// </summary>
    public void StopForReschedule(StoredAllocation alloc, long index, long now)
    {
        ArgumentNullException.ThrowIfNull(alloc);
        if (alloc.DesiredStatus != "stop")
        {
            Stop(alloc, index, now);
        }
    }

    private void Place(StoredJob job, long index, long now)
    {
        var current = job.Current;
        var stopped = current["Stop"]?.GetValue<bool>() ?? false;
        var jobType = current["Type"]?.GetValue<string>() ?? "service";
        var wanted = new Dictionary<string, (long Count, JsonObject Group)>(StringComparer.Ordinal);
        if (!stopped)
        {
            foreach (var group in (current["TaskGroups"] as JsonArray ?? []).OfType<JsonObject>())
            {
                wanted[group["Name"]!.GetValue<string>()] = (group["Count"]?.GetValue<long>() ?? 1, group);
            }
        }

        var live = _allocations.Values.Where(a => a.Namespace == job.Namespace && a.JobID == job.ID && a.DesiredStatus == "run").ToList();
        foreach (var alloc in live)
        {
            if (!wanted.TryGetValue(alloc.TaskGroup, out var want) || alloc.Index >= want.Count)
            {
                Stop(alloc, index, now);
            }
            else if (alloc.JobVersion != job.Version)
            {
                alloc.JobVersion = job.Version;
                Touch(alloc, index, now);
            }
        }

        foreach (var (group, (count, definition)) in wanted)
        {
            for (var i = 0L; i < count; i++)
            {
                if (live.Any(a => a.TaskGroup == group && a.Index == i && a.DesiredStatus == "run"))
                {
                    continue;
                }

                var alloc = new StoredAllocation(Guid.NewGuid().ToString(), job.Namespace, job.ID, jobType, group, i, job.Version, index, now);
                foreach (var task in (definition["Tasks"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    alloc.TaskStates[task["Name"]!.GetValue<string>()] = new JsonObject
                    {
                        ["State"] = "running",
                        ["Failed"] = false,
                        ["Restarts"] = 0L,
                        ["LastRestart"] = null,
                        ["StartedAt"] = Rfc3339(now),
                        ["FinishedAt"] = null,
                        ["Events"] = new JsonArray(Event("Received", now, "Task received by client"), Event("Started", now, "Task started by client")),
                    };
                }

                var replaced = _allocations.Values.FirstOrDefault(a => a.Namespace == job.Namespace && a.JobID == job.ID && a.TaskGroup == group && a.Index == i && a.DesiredStatus == "stop" && a.NextAllocation.Length == 0 && !stopped);
                if (replaced is not null)
                {
                    replaced.NextAllocation = alloc.ID;
                    alloc.PreviousAllocation = replaced.ID;
                }

                _allocations[alloc.ID] = alloc;
                AllocationsIndex = Math.Max(AllocationsIndex, index);
            }
        }
    }

    private void Stop(StoredAllocation alloc, long index, long now)
    {
        alloc.DesiredStatus = "stop";
        alloc.ClientStatus = "complete";
        foreach (var state in alloc.TaskStates.Values)
        {
            state["State"] = "dead";
            state["FinishedAt"] = Rfc3339(now);
            ((JsonArray)state["Events"]!).Add(Event("Killed", now, "Task successfully killed"));
        }

        Touch(alloc, index, now);
    }

    private void Touch(StoredAllocation alloc, long index, long now)
    {
        alloc.ModifyIndex = index;
        alloc.ModifyTime = now;
        AllocationsIndex = Math.Max(AllocationsIndex, index);
    }

    private static JsonObject Event(string type, long now, string message, string restartReason = "") => new()
    {
        ["Type"] = type,
        ["Time"] = now,
        ["DisplayMessage"] = message,
        ["Details"] = restartReason.Length > 0 ? new JsonObject { ["restart_reason"] = restartReason } : new JsonObject(),
        ["RestartReason"] = restartReason,
    };

    private static string Rfc3339(long unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNano / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

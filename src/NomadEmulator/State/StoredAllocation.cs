using System.Text.Json.Nodes;

namespace Nomad.Emulator.State;

/// <summary>
/// An allocation the emulator placed for a job's task group: one per count, all on one pretend node, running as soon
/// as placed. Its task states count restarts and keep their events as a client reports them.
/// </summary>
public sealed class StoredAllocation(string id, string ns, string jobId, string jobType, string group, long index, long version, long createIndex, long now)
{
    /// <summary>The allocation's UUID.</summary>
    public string ID { get; } = id;

    /// <summary>The job's namespace.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The job's ID.</summary>
    public string JobID { get; } = jobId;

    /// <summary>The job's type.</summary>
    public string JobType { get; } = jobType;

    /// <summary>The task group.</summary>
    public string TaskGroup { get; } = group;

    /// <summary>The allocation's index in its group (<c>job.group[index]</c>).</summary>
    public long Index { get; } = index;

    /// <summary>The job version the allocation runs.</summary>
    public long JobVersion { get; set; } = version;

    /// <summary><c>run</c> or <c>stop</c>.</summary>
    public string DesiredStatus { get; set; } = "run";

    /// <summary><c>running</c> or <c>complete</c>.</summary>
    public string ClientStatus { get; set; } = "running";

    /// <summary>The allocation that replaced this one (after a stop), or empty.</summary>
    public string NextAllocation { get; set; } = "";

    /// <summary>The allocation this one replaced, or empty.</summary>
    public string PreviousAllocation { get; set; } = "";

    /// <summary>Raft index of the placement.</summary>
    public long CreateIndex { get; } = createIndex;

    /// <summary>Raft index of the last change.</summary>
    public long ModifyIndex { get; set; } = createIndex;

    /// <summary>Unix nanoseconds of the placement.</summary>
    public long CreateTime { get; } = now;

    /// <summary>Unix nanoseconds of the last change.</summary>
    public long ModifyTime { get; set; } = now;

    /// <summary>Per task: state, restarts, last restart and events, in the api.TaskState shape.</summary>
    public SortedDictionary<string, JsonObject> TaskStates { get; } = new(StringComparer.Ordinal);

    /// <summary>Nomad's allocation name, <c>job.group[index]</c>.</summary>
    public string Name => $"{JobID}.{TaskGroup}[{Index}]";

    /// <summary>Whether the allocation still runs (job restart only restarts these).</summary>
    public bool IsRunning => ClientStatus == "running" || DesiredStatus == "run";
}

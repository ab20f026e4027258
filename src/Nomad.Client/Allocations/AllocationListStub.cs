namespace Nomad.Client;

/// <summary>An allocation as a job's allocation list gives it (<c>api.AllocationListStub</c>, the fields used here).</summary>
public sealed record AllocationListStub
{
    /// <summary>Allocation ID.</summary>
    public string ID { get; init; } = "";

    /// <summary>Allocation name, <c>job.group[index]</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Job ID.</summary>
    public string JobID { get; init; } = "";

    /// <summary>Job type.</summary>
    public string JobType { get; init; } = "";

    /// <summary>The job version the allocation runs.</summary>
    public ulong JobVersion { get; init; }

    /// <summary>Task group.</summary>
    public string TaskGroup { get; init; } = "";

    /// <summary><c>run</c>, <c>stop</c> or <c>evict</c>.</summary>
    public string DesiredStatus { get; init; } = "";

    /// <summary><c>pending</c>, <c>running</c>, <c>complete</c>, <c>failed</c>, <c>lost</c> or <c>unknown</c>.</summary>
    public string ClientStatus { get; init; } = "";

    /// <summary>The allocation that replaced this one, when it was replaced.</summary>
    public string NextAllocation { get; init; } = "";

    /// <summary>Task states by task name.</summary>
    public IReadOnlyDictionary<string, TaskState>? TaskStates { get; init; }

    /// <summary>Index of creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last change.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>
    /// Whether the allocation still runs, as <c>nomad job restart</c> decides which to restart (command/job_restart.go
    /// <c>IsRunning</c>: client status running or desired status run) and has not been replaced.
    /// </summary>
    public bool IsRestartable => (ClientStatus == "running" || DesiredStatus == "run") && NextAllocation.Length == 0;
}

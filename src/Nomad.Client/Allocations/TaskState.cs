namespace Nomad.Client;

/// <summary>A task's state in an allocation (<c>api.TaskState</c>, the fields used here).</summary>
public sealed record TaskState
{
    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string State { get; init; } = "";

    /// <summary>Whether the task failed.</summary>
    public bool Failed { get; init; }

    /// <summary>How often the task was restarted.</summary>
    public ulong Restarts { get; init; }

    /// <summary>The task's events, oldest first.</summary>
    public IReadOnlyList<TaskEvent>? Events { get; init; }
}

namespace Nomad.Client;

/// <summary>One event of a task (<c>api.TaskEvent</c>, the fields used here).</summary>
public sealed record TaskEvent
{
    /// <summary>Event type, e.g. <c>Started</c>, <c>Restart Signaled</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>Unix nanoseconds.</summary>
    public long Time { get; init; }

    /// <summary>The message Nomad shows.</summary>
    public string DisplayMessage { get; init; } = "";

    /// <summary>Why the task restarts, for restart events.</summary>
    public string RestartReason { get; init; } = "";
}

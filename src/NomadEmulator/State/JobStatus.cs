namespace Nomad.Emulator.State;

/// <summary>Job statuses (<c>nomad/structs/structs.go</c>, <c>JobStatusPending/Running/Dead</c>).</summary>
public static class JobStatus
{
    /// <summary>Registered, nothing placed yet (never seen in the emulator, which schedules at once).</summary>
    public const string Pending = "pending";

    /// <summary>Allocations or a deployment are live.</summary>
    public const string Running = "running";

    /// <summary>Stopped, or a batch job whose run finished.</summary>
    public const string Dead = "dead";
}

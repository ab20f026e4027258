namespace Nomad.Client;

/// <summary>Nomad's deployment status strings (<c>structs.DeploymentStatus*</c>).</summary>
public static class DeploymentStatus
{
    /// <summary>Rolling out.</summary>
    public const string Running = "running";

    /// <summary>Waiting to start (multiregion).</summary>
    public const string Pending = "pending";

    /// <summary>Paused by an operator.</summary>
    public const string Paused = "paused";

    /// <summary>Blocked (multiregion).</summary>
    public const string Blocked = "blocked";

    /// <summary>Every group healthy.</summary>
    public const string Successful = "successful";

    /// <summary>Failed (unhealthy, deadline, or reverted).</summary>
    public const string Failed = "failed";

    /// <summary>Superseded by a newer job version or stopped.</summary>
    public const string Cancelled = "cancelled";
}

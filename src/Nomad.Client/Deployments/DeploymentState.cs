namespace Nomad.Client;

/// <summary>One task group's progress in a deployment (<c>api.DeploymentState</c>).</summary>
public sealed record DeploymentState
{
    /// <summary>Allocations wanted.</summary>
    public int DesiredTotal { get; init; }

    /// <summary>Canaries wanted.</summary>
    public int DesiredCanaries { get; init; }

    /// <summary>Allocations placed.</summary>
    public int PlacedAllocs { get; init; }

    /// <summary>Allocations healthy.</summary>
    public int HealthyAllocs { get; init; }

    /// <summary>Allocations unhealthy.</summary>
    public int UnhealthyAllocs { get; init; }

    /// <summary>Canaries promoted.</summary>
    public bool Promoted { get; init; }

    /// <summary>Revert to the last stable version on failure.</summary>
    public bool AutoRevert { get; init; }

    /// <summary>Promote canaries automatically.</summary>
    public bool AutoPromote { get; init; }
}

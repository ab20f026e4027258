namespace Nomad.Client;

/// <summary>A plan's annotations: per task group, what the scheduler would do.</summary>
public sealed record PlanAnnotations
{
    /// <summary>Desired updates by task group name.</summary>
    public IReadOnlyDictionary<string, DesiredUpdates>? DesiredTGUpdates { get; init; }
}

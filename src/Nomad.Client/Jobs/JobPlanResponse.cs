using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// Nomad's answer to a plan (<c>api.JobPlanResponse</c>): the typed top-level fields, the diff kept as JSON
/// (<c>{"Type":"None|Added|Deleted|Edited","Fields","Objects","TaskGroups"}</c>).
/// </summary>
public sealed record JobPlanResponse
{
    /// <summary>The job's current JobModifyIndex (0 when new): pass it to a register with EnforceIndex.</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>What the scheduler would do per task group.</summary>
    public PlanAnnotations? Annotations { get; init; }

    /// <summary>The structured diff against the registered job, null when no diff was asked for.</summary>
    public JsonObject? Diff { get; init; }

    /// <summary>Warnings, empty when none.</summary>
    public string Warnings { get; init; } = "";

    /// <summary>Placement failures by task group (<c>AllocationMetric</c> kept as JSON).</summary>
    public IReadOnlyDictionary<string, JsonObject>? FailedTGAllocs { get; init; }

    /// <summary>The diff's type (<c>None</c>, <c>Added</c>, <c>Deleted</c>, <c>Edited</c>), or null without a diff.</summary>
    public string? DiffType => Diff?["Type"]?.GetValue<string>();
}

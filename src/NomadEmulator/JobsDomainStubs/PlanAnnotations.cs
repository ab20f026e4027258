using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>The scheduler's per-group plan counts. (Stand-in: places every group's count.)</summary>
public static class PlanAnnotations
{
    /// <summary>The plan's <c>Annotations.DesiredTGUpdates</c>.</summary>
    public static JsonObject DesiredTGUpdates(JsonObject? storedOld, JsonObject storedNew, JsonObject diff)
    {
        ArgumentNullException.ThrowIfNull(storedNew);
        var result = new JsonObject();
        foreach (var group in storedNew["TaskGroups"]?.AsArray() ?? [])
        {
            var count = group?["Count"]?.GetValue<int>() ?? 1;
            result[group?["Name"]?.GetValue<string>() ?? ""] = new JsonObject
            {
                ["Ignore"] = storedOld is null ? 0 : count,
                ["Place"] = storedOld is null ? count : 0,
                ["Migrate"] = 0,
                ["Stop"] = 0,
                ["InPlaceUpdate"] = 0,
                ["DestructiveUpdate"] = 0,
                ["Canary"] = 0,
                ["Preemptions"] = 0,
            };
        }

        return result;
    }
}

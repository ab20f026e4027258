using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>The plan's <c>Annotations.DesiredTGUpdates</c> for a cluster where every previous alloc is running.</summary>
public static class PlanAnnotations
{
    /// <summary>Per task group name, the scheduler's desired updates (Place, Stop, Ignore, InPlaceUpdate, …).</summary>
    public static JsonObject DesiredTGUpdates(JsonObject? storedOld, JsonObject storedNew, JsonObject diff)
    {
        ArgumentNullException.ThrowIfNull(storedNew);
        ArgumentNullException.ThrowIfNull(diff);
        var result = new JsonObject();
        foreach (var group in storedNew["TaskGroups"]?.AsArray() ?? [])
        {
            var name = group!["Name"]!.GetValue<string>();
            var count = group["Count"]?.GetValue<long>() ?? 1;
            var oldGroup = storedOld?["TaskGroups"]?.AsArray().FirstOrDefault(g => g?["Name"]?.GetValue<string>() == name);
            result[name] = new JsonObject
            {
                ["Place"] = oldGroup is null ? count : 0,
                ["Stop"] = 0,
                ["Ignore"] = oldGroup is null ? 0 : count,
                ["InPlaceUpdate"] = 0,
                ["DestructiveUpdate"] = 0,
                ["Canary"] = 0,
                ["Migrate"] = 0,
                ["Preemptions"] = 0,
                ["RescheduleNow"] = 0,
                ["RescheduleLater"] = 0,
            };
        }
        return result;
    }
}

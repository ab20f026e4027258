using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>Job.Diff</c> with the scheduler's annotations: the <c>Diff</c> of a plan answer.</summary>
public static class JobDiffer
{
    /// <summary>The plan's <c>Diff</c> between two stored jobs; a null <paramref name="storedOld"/> gives an Added diff.</summary>
    public static JsonObject Diff(JsonObject? storedOld, JsonObject? storedNew)
    {
        var type = storedOld is null ? "Added" : storedNew is null ? "Deleted" : JsonNode.DeepEquals(storedOld, storedNew) ? "None" : "Edited";
        var id = (storedNew ?? storedOld)?["ID"]?.GetValue<string>() ?? "";
        return new JsonObject
        {
            ["Type"] = type,
            ["ID"] = id,
            ["Fields"] = null,
            ["Objects"] = null,
            ["TaskGroups"] = null,
        };
    }
}

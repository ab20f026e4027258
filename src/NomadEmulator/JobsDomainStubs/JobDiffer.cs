using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>Job.Diff</c>. (Stand-in: only the top-level Type.)</summary>
public static class JobDiffer
{
    /// <summary>The plan's <c>Diff</c> object.</summary>
    public static JsonObject Diff(JsonObject? storedOld, JsonObject? storedNew)
    {
        var type = (storedOld, storedNew) switch
        {
            (null, null) => "None",
            (null, _) => "Added",
            (_, null) => "Deleted",
            _ => JobSpec.Changed(storedOld, storedNew) ? "Edited" : "None",
        };
        return new JsonObject
        {
            ["Type"] = type,
            ["ID"] = (storedNew ?? storedOld)?["ID"]?.DeepClone(),
            ["Fields"] = null,
            ["Objects"] = null,
            ["TaskGroups"] = null,
        };
    }
}

using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>Job.SpecChanged</c>. (Stand-in: compares everything but status and indexes.)</summary>
public static class JobSpec
{
    private static readonly string[] Ignored = ["Status", "StatusDescription", "Version", "SubmitTime", "CreateIndex", "ModifyIndex", "JobModifyIndex", "Stable"];

    /// <summary>True when a register of <paramref name="storedNew"/> over <paramref name="storedOld"/> makes a new version.</summary>
    public static bool Changed(JsonObject storedOld, JsonObject storedNew) => !JsonNode.DeepEquals(Strip(storedOld), Strip(storedNew));

    private static JsonObject Strip(JsonObject job)
    {
        var copy = (JsonObject)job.DeepClone();
        foreach (var name in Ignored)
        {
            copy.Remove(name);
        }

        return copy;
    }
}

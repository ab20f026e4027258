using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>Job.SpecChanged</c> (nomad/structs/structs.go): whether a register of a stored job makes a new version.</summary>
public static class JobSpec
{
    /// <summary>The server-set fields SpecChanged copies from the old job before comparing.</summary>
    private static readonly string[] ServerFields = ["Status", "StatusDescription", "Stable", "Version", "CreateIndex", "ModifyIndex", "JobModifyIndex", "SubmitTime"];

    /// <summary>True when <paramref name="storedNew"/> differs from <paramref name="storedOld"/> in anything but the server-set fields.</summary>
    public static bool Changed(JsonObject storedOld, JsonObject storedNew)
    {
        ArgumentNullException.ThrowIfNull(storedOld);
        ArgumentNullException.ThrowIfNull(storedNew);
        var candidate = (JsonObject)storedNew.DeepClone();
        foreach (var field in ServerFields)
        {
            if (storedOld.TryGetPropertyValue(field, out var value))
            {
                candidate[field] = value?.DeepClone();
            }
            else
            {
                candidate.Remove(field);
            }
        }
        return !JsonNode.DeepEquals(storedOld, candidate);
    }
}

using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Nomad's <c>Job.SpecChanged</c>: whether a register of a stored job makes a new version.</summary>
public static class JobSpec
{
    /// <summary>True when the user-settable spec of <paramref name="storedNew"/> differs from <paramref name="storedOld"/>.</summary>
    public static bool Changed(JsonObject storedOld, JsonObject storedNew)
    {
        ArgumentNullException.ThrowIfNull(storedOld);
        ArgumentNullException.ThrowIfNull(storedNew);
        return !JsonNode.DeepEquals(storedOld, storedNew);
    }
}

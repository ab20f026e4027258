using System.Text.Json.Nodes;

namespace Nomad.Client.Tests.Jobs.Golden;

/// <summary>The golden answers produced by Nomad's own code (see <c>regenerate.sh</c>).</summary>
public static class GoldenFiles
{
    /// <summary>A golden file's text.</summary>
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Jobs", "Golden", name));

    /// <summary>A golden file parsed as a JSON object.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();
}

using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>The golden cases recorded from Nomad's own server code (Golden/regenerate.sh).</summary>
internal static class GoldenCases
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Changes() => Folders("changes", _ => true);

    public static TheoryData<string> EditedChanges() => Folders("changes", d => File.Exists(Path.Combine(d, "old.json")));

    public static TheoryData<string> Validations() => Folders("validate", _ => true);

    public static JsonObject Read(params string[] path) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. path])))!.AsObject();

    public static JsonObject? ReadIfExists(params string[] path) =>
        File.Exists(Path.Combine([Root, .. path])) ? Read(path) : null;

    public static string Text(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path])).TrimEnd('\n');

    /// <summary>Fails with both texts when two JSON documents differ (property order ignored, list order kept).</summary>
    public static void ShouldEqualJson(this JsonNode? actual, JsonNode? expected)
    {
        if (!JsonNode.DeepEquals(actual, expected))
        {
            actual?.ToJsonString(new() { WriteIndented = true }).ShouldBe(expected?.ToJsonString(new() { WriteIndented = true }));
            actual.ShouldBe(expected);
        }
    }

    private static TheoryData<string> Folders(string kind, Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, kind)).Order(StringComparer.Ordinal))
        {
            if (include(dir))
            {
                data.Add(Path.GetFileName(dir));
            }
        }
        return data;
    }
}

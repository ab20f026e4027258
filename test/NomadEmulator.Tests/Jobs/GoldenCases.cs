using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>The golden cases recorded from Nomad's own server code (Golden/regenerate.sh).</summary>
internal static class GoldenCases
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Changes() => Folders("changes", _ => true);

    public static TheoryData<string> EditedChanges() => Folders("changes", d => File.Exists(Path.Combine(d, "old.json")));

    public static TheoryData<string> Validations() => Folders("validate", _ => true);

    public static TheoryData<string> Decodes() => Folders("decode", _ => true);

    /// <summary>
    /// Golden/server-differs.json: recorded answers a Nomad server gives differently, because the server is built
    /// with Go 1.26.5 and the recorded answers' build is a Go 1.19 back-port (a newer standard library, or server code
    /// the back-port does not run as the source has it); each entry names the case, the reason, and the
    /// server's content of the files it replaces. The recorded files stay; <see cref="Read"/> and <see cref="Text"/>
    /// give the server's.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonObject> ServerDiffers { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "server-differs.json")))!.AsArray()
            .ToDictionary(e => e!["case"]!.GetValue<string>(), e => e!.AsObject(), StringComparer.Ordinal);

    public static JsonObject Read(params string[] path) =>
        ServerAnswer(path)?.DeepClone().AsObject() ?? RecordedRead(path);

    public static JsonObject RecordedRead(params string[] path) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. path])))!.AsObject();

    public static JsonObject? ReadIfExists(params string[] path) =>
        File.Exists(Path.Combine([Root, .. path])) ? Read(path) : null;

    public static string Text(params string[] path) =>
        ServerAnswer(path)?.GetValue<string>() ?? RecordedText(path);

    public static string RecordedText(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path])).TrimEnd('\n');

    // The server's content of the golden file path (case folder, then file name), when it differs from the recorded one.
    private static JsonNode? ServerAnswer(string[] path) =>
        path.Length >= 2 && ServerDiffers.TryGetValue(string.Join('/', path[..^1]), out var entry) ? entry[path[^1]] : null;

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

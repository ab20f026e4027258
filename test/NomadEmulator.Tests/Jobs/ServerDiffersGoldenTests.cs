using System.Text.Json.Nodes;

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Golden/server-differs.json: each entry replaces recorded files of an existing case, says why (the Go version),
/// and really differs from what was recorded, so the list can neither hide a golden silently nor outlive it.
/// </summary>
public sealed class ServerDiffersGoldenTests
{
    public static TheoryData<string> Cases() => [.. GoldenCases.ServerDiffers.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_server_answer_replaces_recorded_files_that_differ_and_says_why(string golden)
    {
        var entry = GoldenCases.ServerDiffers[golden];
        var parts = golden.Split('/');

        entry["reason"]!.GetValue<string>().ShouldContain("Go 1.", Case.Sensitive, golden);
        var files = entry.Select(p => p.Key).Where(k => k.Contains('.', StringComparison.Ordinal)).ToList();
        files.ShouldNotBeEmpty(golden);
        foreach (var file in files)
        {
            var recorded = file.EndsWith(".json", StringComparison.Ordinal)
                ? GoldenCases.RecordedRead([.. parts, file])
                : (JsonNode)JsonValue.Create(GoldenCases.RecordedText([.. parts, file]));
            JsonNode.DeepEquals(recorded, entry[file]).ShouldBeFalse($"{golden}/{file}");
        }
    }
}

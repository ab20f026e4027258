using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

public sealed class CorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> ValidFiles() => Files("valid");

    public static TheoryData<string> InvalidFiles() => Files("invalid");

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CorpusDirectory, folder), "*.nomad.hcl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static JobParseResult Parse(string folder, string name)
    {
        var path = Path.Combine(CorpusDirectory, folder, name);
        var vars = path.Replace(".nomad.hcl", ".vars.hcl", StringComparison.Ordinal);
        return JobFileParser.Parse(File.ReadAllText(path), new JobParseOptions
        {
            VarFileContent = File.Exists(vars) ? File.ReadAllText(vars) : null,
        });
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_job_file_decodes_to_the_json_nomad_returns(string name)
    {
        var result = Parse("valid", name);
        result.ErrorText.ShouldBe("no diagnostics");
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, "valid", name.Replace(".nomad.hcl", ".json", StringComparison.Ordinal))));
        var actual = result.Job!;
        if (!JsonNode.DeepEquals(expected, actual))
        {
            JsonDiff.Describe(expected, actual).ShouldBeEmpty();
        }
    }

    /// <summary>
    /// Malformed files whose whole error text differs from Nomad's, with the reason; for these only the first
    /// diagnostic's position and summary are compared. (Corpus files avoid two errors of the same kind in one body:
    /// gohcl walks a struct's arguments and blocks through Go maps, so Nomad's order of those varies run to run.)
    /// </summary>
    private static readonly Dictionary<string, string> TextExceptions = new(StringComparer.Ordinal)
    {
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void An_invalid_job_file_fails_with_the_error_text_nomad_gives(string name)
    {
        var result = Parse("invalid", name);
        result.Job.ShouldBeNull();
        var expected = File.ReadAllText(Path.Combine(CorpusDirectory, "invalid", name.Replace(".nomad.hcl", ".error.txt", StringComparison.Ordinal))).TrimEnd('\n');
        if (TextExceptions.ContainsKey(name))
        {
            PositionAndSummary(result.ErrorText).ShouldBe(PositionAndSummary(expected));
            result.ErrorText.ShouldNotBe(expected, "the exception is stale: remove it from TextExceptions");
            return;
        }

        result.ErrorText.ShouldBe(expected);
    }

    private static string PositionAndSummary(string errorText)
    {
        var firstLine = errorText.Split('\n')[0];
        var semicolon = firstLine.IndexOf("; ", StringComparison.Ordinal);
        return semicolon < 0 ? firstLine : firstLine[..semicolon];
    }
}

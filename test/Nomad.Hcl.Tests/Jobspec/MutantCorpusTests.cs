using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

/// <summary>
/// Small random edits of the valid corpus (Corpus/mutate.py) with Nomad's recorded answer: the same JSON, or the same
/// first line of the error text (the first diagnostic's position, summary and detail, and the count of further
/// diagnostics that the parser's recovery decides). Mutants listed in Corpus/mutants/known-differences.txt are skipped
/// with the reason written there.
/// </summary>
public sealed class MutantCorpusTests
{
    private static string MutantDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus", "mutants");

    public static TheoryData<string> Mutants()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(MutantDirectory, "*.nomad.hcl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".nomad.hcl".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public void A_mutated_job_file_gets_nomads_answer(string name)
    {
        if (KnownDifferences().TryGetValue(name, out var reason))
        {
            Assert.Skip(reason);
        }

        var result = JobFileParser.Parse(File.ReadAllText(Path.Combine(MutantDirectory, name + ".nomad.hcl")), new JobParseOptions());
        var json = Path.Combine(MutantDirectory, name + ".json");
        if (File.Exists(json))
        {
            result.ErrorText.ShouldBe("no diagnostics");
            var expected = JsonNode.Parse(File.ReadAllText(json));
            if (!JsonNode.DeepEquals(expected, result.Job))
            {
                JsonDiff.Describe(expected, result.Job).ShouldBeEmpty();
            }

            return;
        }

        var error = File.ReadAllText(Path.Combine(MutantDirectory, name + ".error.txt"));
        result.Job.ShouldBeNull();
        FirstLine(result.ErrorText).ShouldBe(FirstLine(error));
    }

    private static Dictionary<string, string> KnownDifferences()
    {
        var path = Path.Combine(MutantDirectory, "known-differences.txt");
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return known;
        }

        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                known[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return known;
    }

    private static string FirstLine(string errorText) => errorText.Split('\n')[0];
}

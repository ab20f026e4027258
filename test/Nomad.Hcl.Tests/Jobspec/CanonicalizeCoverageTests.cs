using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

/// <summary>
/// Corpus/canonicalize-methods.tsv lists every <c>Canonicalize</c> method of Nomad's api package with the defaults it
/// sets (written by Corpus/canonicalize-audit.py from Nomad's source) and the corpus job file that reaches it: that
/// file's checked-in golden answer (Nomad's parser's, recorded) must hold the object the method fills, and this library must give the same
/// object. A method without a covering file fails here.
/// </summary>
public sealed class CanonicalizeCoverageTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    private sealed record Method(string Name, string SourceFile, string Defaults, string CorpusFile, string JsonPath, string Note);

    private static List<Method> Methods() =>
        File.ReadLines(Path.Combine(CorpusDirectory, "canonicalize-methods.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(c => new Method(c[0], c[1], c[2], c.Length > 3 ? c[3] : "", c.Length > 4 ? c[4] : "", c.Length > 5 ? c[5] : ""))
            .ToList();

    public static TheoryData<string> MethodNames()
    {
        var data = new TheoryData<string>();
        foreach (var method in Methods())
        {
            data.Add(method.Name);
        }

        return data;
    }

    [Fact]
    public void The_list_holds_every_canonicalize_method_of_the_api_package_once()
    {
        var methods = Methods();
        methods.Count.ShouldBe(48, "canonicalize-audit.py counts 48 Canonicalize methods in api/ at the commit of the recorded answers");
        methods.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count().ShouldBe(methods.Count);
        methods.ShouldAllBe(m => m.SourceFile.StartsWith("api/", StringComparison.Ordinal) && m.Defaults.Length > 0);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void A_canonicalize_method_is_reached_by_a_corpus_job_file_parsed_as_nomad_does(string name)
    {
        var method = Methods().Single(m => m.Name == name);
        if (method.CorpusFile == "-")
        {
            method.Note.ShouldStartWith("not part of a job", customMessage: "a method without a corpus file needs the reason no job file reaches it");
            return;
        }

        method.CorpusFile.ShouldEndWith(".nomad.hcl", customMessage: $"{name} has no covering corpus file");
        var source = Path.Combine(CorpusDirectory, "valid", method.CorpusFile);
        var golden = JsonNode.Parse(File.ReadAllText(source.Replace(".nomad.hcl", ".json", StringComparison.Ordinal)));
        var expected = Select(golden, method.JsonPath);
        expected.ShouldNotBeEmpty($"{method.CorpusFile}'s golden answer has nothing at {method.JsonPath}");

        var result = JobFileParser.Parse(File.ReadAllText(source), new JobParseOptions());
        result.ErrorText.ShouldBe("no diagnostics");
        var actual = Select(result.Job, method.JsonPath);
        actual.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (!JsonNode.DeepEquals(expected[i], actual[i]))
            {
                JsonDiff.Describe(expected[i], actual[i]).ShouldBeEmpty();
            }
        }
    }

    // "A.B[*].C": the non-null nodes at that path, every element of a list marked [*].
    private static List<JsonNode> Select(JsonNode? root, string path)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[*]", StringComparison.Ordinal);
            var name = each ? segment[..^3] : segment;
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                var child = node is JsonObject o ? o[name] : null;
                if (each && child is JsonArray list)
                {
                    next.AddRange(list);
                }
                else if (!each)
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        return current.OfType<JsonNode>().ToList();
    }
}

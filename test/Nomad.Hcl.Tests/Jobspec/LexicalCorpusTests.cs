using System.Text;
using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Jobspec;

/// <summary>
/// The scanner's edges (Corpus/lexical.py): whitespace around heredoc markers, CRLF, a missing final newline, a byte
/// order mark, comments at the end, Unicode identifiers and spaces, with Nomad's recorded answer: the same JSON or the
/// same whole error text. Files are read as bytes so that a byte order mark and CRLF reach the parser.
/// </summary>
public sealed class LexicalCorpusTests
{
    private static string LexicalDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus", "lexical");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(LexicalDirectory, "*.nomad.hcl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".nomad.hcl".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_job_file_at_the_scanners_edges_gets_nomads_answer(string name)
    {
        var source = new UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(LexicalDirectory, name + ".nomad.hcl")));
        var result = JobFileParser.Parse(source, new JobParseOptions());
        var json = Path.Combine(LexicalDirectory, name + ".json");
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

        result.Job.ShouldBeNull();
        var expectedText = File.ReadAllText(Path.Combine(LexicalDirectory, name + ".error.txt")).TrimEnd('\n');
        if (CountDifferences.ContainsKey(name))
        {
            // Same first diagnostic, a different count of the others (see CountDifferences).
            result.ErrorText.ShouldNotBe(expectedText, "the difference is gone: remove it from CountDifferences");
            FirstDiagnostic(result.ErrorText).ShouldBe(FirstDiagnostic(expectedText));
            return;
        }

        result.ErrorText.ShouldBe(expectedText);
    }

    /// <summary>Recorded errors whose first diagnostic is equal but whose count of further diagnostics is not, with the reason.</summary>
    private static readonly Dictionary<string, string> CountDifferences = new(StringComparer.Ordinal)
    {
    };

    private static string FirstDiagnostic(string errorText)
    {
        var line = errorText.Split('\n')[0];
        var others = line.LastIndexOf(", and ", StringComparison.Ordinal);
        return others >= 0 && line.EndsWith("other diagnostic(s)", StringComparison.Ordinal) ? line[..others] : line;
    }

    [Fact]
    public void A_heredoc_ends_at_a_closing_marker_line_with_trailing_white_space()
    {
        var result = JobFileParser.Parse("job \"a\" {\n  meta {\n    a = <<EOH\nhello\nEOH \n    b = <<-EOT\n      x\n    EOT\t\r\n  }\n}\n");
        result.ErrorText.ShouldBe("no diagnostics");
        result.Job!["Meta"]!["a"]!.GetValue<string>().ShouldBe("hello\n");
        result.Job!["Meta"]!["b"]!.GetValue<string>().ShouldBe("x\n");
    }
}

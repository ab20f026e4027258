using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Functions;

/// <summary>
/// Expressions calling bcrypt, rsadecrypt, convert, yamldecode, yamlencode and jsonencode, with the value or the
/// first error Nomad's parser gave for each (recorded.json, written by regenerate.sh from expressions.txt).
/// </summary>
public sealed class RecordedExpressionTests
{
    private static readonly JsonArray Recorded = RecordedAnswers.Load("recorded.json");

    public static TheoryData<int> Indexes() => RecordedAnswers.Indexes(Recorded);

    [Theory]
    [MemberData(nameof(Indexes))]
    public void An_expression_gives_the_value_or_the_error_nomad_gave(int index)
    {
        var entry = RecordedAnswers.ServerAnswer(Recorded[index]!);
        var expression = entry["expression"]!.GetValue<string>();
        var value = MetaExpression.Evaluate(expression, out var error);
        if (entry["value"] is not null && KnownDifferences.ContainsKey(expression))
        {
            // A value here too, written differently by a part this folder does not own (see KnownDifferences).
            error.ShouldBe("", expression);
            value.ShouldNotBeNull(expression);
        }
        else if (entry["value"] is { } expected)
        {
            error.ShouldBe("", expression);
            value.ShouldBe(expected.GetValue<string>(), expression);
        }
        else if (KnownDifferences.ContainsKey(expression))
        {
            // Same kind of error, differing in a part this folder does not own (see KnownDifferences).
            value.ShouldBeNull(expression);
            Summary(error).ShouldBe(Summary(MetaExpression.FirstDiagnostic(entry["error"]!.GetValue<string>())), expression);
        }
        else
        {
            value.ShouldBeNull(expression);
            error.ShouldBe(MetaExpression.FirstDiagnostic(entry["error"]!.GetValue<string>()), expression);
        }
    }

    /// <summary>Recorded errors matched only in their summary, with the reason the rest differs.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
    };

    private static string Summary(string error)
    {
        var afterRange = error.IndexOf(": ", StringComparison.Ordinal);
        var end = error.IndexOf(';', afterRange + 2);
        return error[(afterRange + 2)..end];
    }

    [Fact]
    public void The_recorded_answers_cover_every_new_function()
    {
        var expressions = Recorded.Select(e => e!["expression"]!.GetValue<string>()).ToList();
        foreach (var name in new[] { "bcrypt(", "rsadecrypt(", "convert(", "yamldecode(", "yamlencode(" })
        {
            expressions.Count(e => e.Contains(name, StringComparison.Ordinal)).ShouldBeGreaterThan(5, name);
        }
    }
}

using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Functions;

/// <summary>
/// A set of expressions with Nomad's answer to each (a JSON array of <c>{"expression", "value"}</c> or
/// <c>{"expression", "error"}</c>, written by <c>regenerate.sh</c>), evaluated as a job's meta value.
/// </summary>
internal static class RecordedAnswers
{
    /// <summary>The recorded set <paramref name="file"/> of this folder.</summary>
    public static JsonArray Load(string file) =>
        (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Functions", file)))!;

    /// <summary>The index of every entry of <paramref name="recorded"/>, for a theory.</summary>
    public static TheoryData<int> Indexes(JsonArray recorded)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < recorded.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>The recorded errors of <paramref name="recorded"/>.</summary>
    public static List<string> Errors(JsonArray recorded) =>
        recorded.Select(e => e!["error"]?.GetValue<string>()).OfType<string>().ToList();

    /// <summary>Evaluates the entry's expression and asserts Nomad's value, or Nomad's first diagnostic.</summary>
    public static void ShouldAnswerAsNomad(JsonNode entry)
    {
        var expression = entry["expression"]!.GetValue<string>();
        var value = MetaExpression.Evaluate(expression, out var error);
        if (entry["value"] is { } expected)
        {
            error.ShouldBe("", expression);
            value.ShouldBe(expected.GetValue<string>(), expression);
        }
        else
        {
            value.ShouldBeNull(expression);
            error.ShouldBe(MetaExpression.FirstDiagnostic(entry["error"]!.GetValue<string>()), expression);
        }
    }
}

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

    /// <summary>
    /// The entries of server-differs.json by expression: recorded answers a Nomad server answers differently, because
    /// it is built with Go 1.26.5 where the recorded answers' build has Go 1.19; each with the reason and the server's
    /// value or error. The recorded answer stays in its file; the tests assert the server's.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonNode> ServerDiffers { get; } =
        Load("server-differs.json").ToDictionary(e => e!["expression"]!.GetValue<string>(), e => e!, StringComparer.Ordinal);

    /// <summary>The answer a Nomad server gives to <paramref name="entry"/>'s expression: server-differs.json's, else the recorded one.</summary>
    public static JsonNode ServerAnswer(JsonNode entry) =>
        ServerDiffers.GetValueOrDefault(entry["expression"]!.GetValue<string>()) ?? entry;

    /// <summary>Evaluates the entry's expression and asserts Nomad's value, or Nomad's first diagnostic.</summary>
    public static void ShouldAnswerAsNomad(JsonNode recorded)
    {
        var entry = ServerAnswer(recorded);
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

using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Functions;

/// <summary>
/// server-differs.json: the recorded answers (Go 1.19 build) that a Nomad server (Go 1.26.5) answers differently.
/// Each must still be a recorded expression, give a reason, and really differ from what was recorded, so the list
/// cannot hide a recorded answer silently or outlive it.
/// </summary>
public sealed class ServerDiffersTests
{
    private static readonly JsonArray[] RecordedSets =
        [RecordedAnswers.Load("recorded.json"), RecordedAnswers.Load("regex-fuzz.json")];

    public static TheoryData<string> Expressions() => [.. RecordedAnswers.ServerDiffers.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void A_server_answer_replaces_a_recorded_one_that_differs_and_says_why(string expression)
    {
        var server = RecordedAnswers.ServerDiffers[expression];
        var recorded = RecordedSets.SelectMany(set => set).Where(e => e!["expression"]!.GetValue<string>() == expression).ToList();

        recorded.Count.ShouldBe(1, expression);
        server["reason"]!.GetValue<string>().ShouldContain("Go 1.", Case.Sensitive, expression);
        (server["value"] is null).ShouldNotBe(server["error"] is null, expression);
        var differs = !JsonNode.DeepEquals(server["value"], recorded[0]!["value"]) || !JsonNode.DeepEquals(server["error"], recorded[0]!["error"]);
        differs.ShouldBeTrue(expression);
    }
}

using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Functions;

/// <summary>
/// regex_replace on random patterns (regex-fuzz.json, written by regex-fuzz.py: RE2 and Perl pieces over inputs with
/// newlines, case pairs, non-ASCII letters and a character beyond U+FFFF), each with the value or the first error
/// Nomad gave: Go's parser decides what is refused and with which text, and an accepted pattern replaces as Go's does.
/// </summary>
public sealed class RegexFuzzTests
{
    private static readonly JsonArray Recorded = RecordedAnswers.Load("regex-fuzz.json");

    public static TheoryData<int> Indexes() => RecordedAnswers.Indexes(Recorded);

    [Theory]
    [MemberData(nameof(Indexes))]
    public void A_random_pattern_replaces_or_fails_as_nomad_answered(int index)
    {
        RecordedAnswers.ShouldAnswerAsNomad(Recorded[index]!);
    }

    [Fact]
    public void The_random_patterns_hold_accepted_ones_and_every_common_refusal()
    {
        var errors = RecordedAnswers.Errors(Recorded);
        (Recorded.Count - errors.Count).ShouldBeGreaterThan(150);
        errors.Where(e => e.Contains("error parsing regexp: ", StringComparison.Ordinal))
            .Select(e => e[(e.IndexOf("error parsing regexp: ", StringComparison.Ordinal) + 22)..].Split(':')[0]).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
    }
}

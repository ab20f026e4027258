using System.Text.Json.Nodes;

namespace Nomad.Hcl.Tests.Functions;

/// <summary>
/// yamldecode on randomly edited YAML texts (yaml-mutants.json, written by yaml-mutate.py: characters and lines
/// deleted, doubled, replaced by indicators, tabs, quotes and line breaks), each with the value or the first error
/// Nomad gave: whether a text is accepted, and every syntax error's libyaml text and line, must be the same.
/// </summary>
public sealed class YamlMutantTests
{
    private static readonly JsonArray Recorded = RecordedAnswers.Load("yaml-mutants.json");

    public static TheoryData<int> Indexes() => RecordedAnswers.Indexes(Recorded);

    [Theory]
    [MemberData(nameof(Indexes))]
    public void A_mutated_yaml_text_decodes_or_fails_as_nomad_answered(int index)
    {
        RecordedAnswers.ShouldAnswerAsNomad(Recorded[index]!);
    }

    [Fact]
    public void The_mutants_hold_both_accepted_and_refused_texts_of_many_kinds()
    {
        var errors = RecordedAnswers.Errors(Recorded);
        (Recorded.Count - errors.Count).ShouldBeGreaterThan(100);
        errors.Select(e => e[(e.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count().ShouldBeGreaterThan(20);
    }
}

namespace Nomad.Emulator.Tests.Jobs;

/// <summary>
/// Golden/admission-hooks.tsv lists the server's admission mutators and validators in Nomad's order
/// (Golden/admission-audit.py checks it against nomad/job_endpoint.go); each names the checked-in golden cases (Nomad's
/// server's recorded answers) that show what it does, or says why it has none.
/// </summary>
public sealed class AdmissionHookCoverageTests
{
    private sealed record Hook(string Kind, string Name, string Code, string Goldens, string Note);

    private static List<Hook> Hooks() =>
        File.ReadLines(Path.Combine(GoldenCases.Root, "admission-hooks.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(c => new Hook(c[0], c[1], c[2], c[3], c.Length > 4 ? c[4] : ""))
            .ToList();

    public static TheoryData<string> HookNames()
    {
        var data = new TheoryData<string>();
        foreach (var hook in Hooks())
        {
            data.Add($"{hook.Kind} {hook.Name}");
        }

        return data;
    }

    [Fact]
    public void The_list_holds_the_nine_mutators_and_ten_validators_of_a_server()
    {
        var hooks = Hooks();
        hooks.Count(h => h.Kind == "mutator").ShouldBe(9);
        hooks.Count(h => h.Kind == "validator").ShouldBe(10);
        hooks[0].Name.ShouldBe("jobCanonicalizer");
        hooks[^1].Name.ShouldBe("jobSchedHook");
    }

    [Theory]
    [MemberData(nameof(HookNames))]
    public void An_admission_hook_names_recorded_golden_cases_or_why_it_has_none(string hookName)
    {
        var hook = Hooks().Single(h => $"{h.Kind} {h.Name}" == hookName);
        if (hook.Goldens == "-")
        {
            hook.Note.ShouldNotBeNullOrWhiteSpace($"{hookName} has no golden case and no reason");
            return;
        }

        foreach (var golden in hook.Goldens.Split(','))
        {
            var folder = Path.Combine(GoldenCases.Root, golden);
            Directory.Exists(folder).ShouldBeTrue($"{hookName} names {golden}, which is not a recorded case");
            var answer = golden.StartsWith("validate/", StringComparison.Ordinal) ? "error.txt" : "diff.json";
            File.Exists(Path.Combine(folder, answer)).ShouldBeTrue($"{golden} has no recorded answer of Nomad's");
        }

        if (hook.Code == "-")
        {
            hook.Note.ShouldNotBeNullOrWhiteSpace($"{hookName} is not implemented and says not why");
        }
    }
}

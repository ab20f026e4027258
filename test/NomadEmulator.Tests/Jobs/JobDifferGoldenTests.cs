using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class JobDifferGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Changes), MemberType = typeof(GoldenCases))]
    public void Diff_of_the_stored_jobs_equals_the_recorded_diff(string change)
    {
        var old = GoldenCases.ReadIfExists("changes", change, "old.stored.json");
        var @new = GoldenCases.Read("changes", change, "new.stored.json");

        var diff = JobDiffer.Diff(old, @new);

        DiffOrder.Normalized(diff).ShouldEqualJson(DiffOrder.Normalized(GoldenCases.Read("changes", change, "diff.json")));
    }

    [Theory]
    [MemberData(nameof(GoldenCases.EditedChanges), MemberType = typeof(GoldenCases))]
    public void SpecChanged_of_the_stored_jobs_equals_the_recorded_answer(string change)
    {
        var old = GoldenCases.Read("changes", change, "old.stored.json");
        var @new = GoldenCases.Read("changes", change, "new.stored.json");

        var changed = JobSpec.Changed(old, @new);

        changed.ShouldBe(bool.Parse(GoldenCases.Text("changes", change, "specchanged.txt")));
    }

    [Theory]
    [MemberData(nameof(GoldenCases.Changes), MemberType = typeof(GoldenCases))]
    public void Diff_of_the_admitted_api_jobs_equals_the_recorded_diff(string change)
    {
        var oldApi = GoldenCases.ReadIfExists("changes", change, "old.json");
        var newApi = GoldenCases.Read("changes", change, "new.json");

        var diff = JobDiffer.Diff(oldApi is null ? null : JobAdmission.Admit(oldApi).Job, JobAdmission.Admit(newApi).Job);

        DiffOrder.Normalized(diff).ShouldEqualJson(DiffOrder.Normalized(GoldenCases.Read("changes", change, "diff.json")));
    }

    [Theory]
    [MemberData(nameof(GoldenCases.EditedChanges), MemberType = typeof(GoldenCases))]
    public void SpecChanged_of_the_admitted_api_jobs_equals_the_recorded_answer(string change)
    {
        var old = JobAdmission.Admit(GoldenCases.Read("changes", change, "old.json")).Job!;
        var @new = JobAdmission.Admit(GoldenCases.Read("changes", change, "new.json")).Job!;

        JobSpec.Changed(old, @new).ShouldBe(bool.Parse(GoldenCases.Text("changes", change, "specchanged.txt")));
    }
}

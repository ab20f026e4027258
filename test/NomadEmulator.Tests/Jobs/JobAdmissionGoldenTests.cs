using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class JobAdmissionGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Validations), MemberType = typeof(GoldenCases))]
    public void Admit_answers_the_register_error_text_of_the_plan_oracle(string validation)
    {
        var job = GoldenCases.Read("validate", validation, "job.json");
        var expected = GoldenCases.Text("validate", validation, "error.txt");

        var result = JobAdmission.Admit(job);

        (result.Error ?? "ok").ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(GoldenCases.Changes), MemberType = typeof(GoldenCases))]
    public void Admit_stores_the_job_as_the_plan_oracle_stores_it(string change)
    {
        var job = GoldenCases.Read("changes", change, "new.json");

        var result = JobAdmission.Admit(job);

        result.Error.ShouldBeNull();
        ((JsonNode?)result.Job).ShouldEqualJson(GoldenCases.Read("changes", change, "new.stored.json"));
    }
}

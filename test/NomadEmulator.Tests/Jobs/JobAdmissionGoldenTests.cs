using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class JobAdmissionGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenCases.Validations), MemberType = typeof(GoldenCases))]
    public void Admit_answers_the_recorded_register_error_text(string validation)
    {
        var job = GoldenCases.Read("validate", validation, "job.json");
        var expected = GoldenCases.Text("validate", validation, "error.txt");

        var result = JobAdmission.Admit(job, AdmissionCluster.Fresh);

        (result.Error?.TrimEnd('\n') ?? "ok").ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(GoldenCases.Validations), MemberType = typeof(GoldenCases))]
    public void Admit_gives_the_recorded_validate_endpoint_answer(string validation)
    {
        var job = GoldenCases.Read("validate", validation, "job.json");
        var expected = GoldenCases.Read("validate", validation, "response.json");

        var result = JobAdmission.Admit(job, AdmissionCluster.Fresh);

        (result.Error ?? "").ShouldBe(expected["Error"]!.GetValue<string>());
        var expectedErrors = expected["ValidationErrors"] is JsonArray list ? list.Select(e => e!.GetValue<string>()).ToList() : [];
        result.ValidationErrors.ShouldBe(expectedErrors);
        JobAdmission.FormatWarnings(result.Warnings).ShouldBe(expected["Warnings"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(GoldenCases.Changes), MemberType = typeof(GoldenCases))]
    public void Admit_stores_the_job_as_recorded(string change)
    {
        var job = GoldenCases.Read("changes", change, "new.json");

        var result = JobAdmission.Admit(job, AdmissionCluster.Fresh);

        result.Error.ShouldBeNull();
        ((JsonNode?)result.Job).ShouldEqualJson(GoldenCases.Read("changes", change, "new.stored.json"));
    }
}

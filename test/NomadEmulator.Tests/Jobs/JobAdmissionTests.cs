using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class JobAdmissionTests
{
    [Theory]
    [InlineData("""{"ID":"x","TaskGroups":null}""", "Missing job task groups")]
    [InlineData("""{"ID":"x","Name":"x","Type":"service","Datacenters":["dc1"],"TaskGroups":[{"Name":"g"}]}""", "Missing tasks for task group")]
    [InlineData("""{"ID":"x","Name":"x","Type":"batch","Datacenters":["dc1"],"TaskGroups":[{"Name":"g","Tasks":[{"Name":"t"}]}]}""", "Missing task driver")]
    public void A_partial_job_is_refused_with_Nomads_error_instead_of_an_exception(string json, string expected)
    {
        var result = JobAdmission.Admit(JsonNode.Parse(json)!.AsObject());

        result.Job.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void Admit_leaves_its_input_untouched()
    {
        var job = GoldenCases.Read("jobs", "full.json");
        var before = job.ToJsonString();

        _ = JobAdmission.Admit(job);

        job.ToJsonString().ShouldBe(before);
    }

    [Fact]
    public void A_job_built_in_code_is_admitted_like_the_same_job_parsed()
    {
        var parsed = GoldenCases.Read("jobs", "base.json");
        var built = (JsonObject)parsed.DeepClone();
        built["Priority"] = 50;
        built["TaskGroups"]![0]!["Count"] = 2;

        var fromBuilt = JobAdmission.Admit(built);

        fromBuilt.Error.ShouldBeNull();
        JsonNode.DeepEquals(fromBuilt.Job, JobAdmission.Admit(parsed).Job).ShouldBeTrue();
    }
}

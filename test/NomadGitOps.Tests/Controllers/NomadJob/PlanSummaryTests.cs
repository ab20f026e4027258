using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Controllers.NomadJob;

namespace NomadGitOps.Tests.Controllers.NomadJob;

public sealed class PlanSummaryTests
{
    [Fact]
    public void Groups_are_sorted_and_only_non_zero_counts_are_named()
    {
        var plan = Plan("Edited", new()
        {
            ["web"] = new DesiredUpdates { Place = 1, InPlaceUpdate = 2, DestructiveUpdate = 1 },
            ["api"] = new DesiredUpdates { Stop = 3, Canary = 1 },
        });

        PlanSummary.Of(plan).ShouldBe("api: 3 destroy, 1 canary; web: 1 create, 2 in-place, 1 destructive");
    }

    [Fact]
    public void A_group_with_nothing_to_do_shows_its_ignored_count()
    {
        var plan = Plan("None", new() { ["web"] = new DesiredUpdates { Ignore = 2 } });

        PlanSummary.Of(plan).ShouldBe("no changes (web: 2 ignore)");
    }

    [Fact]
    public void A_plan_without_annotations_names_its_diff_type()
    {
        PlanSummary.Of(new JobPlanResponse { Diff = new JsonObject { ["Type"] = "Edited" } }).ShouldBe("diff Edited");
        PlanSummary.Of(new JobPlanResponse { Diff = new JsonObject { ["Type"] = "None" } }).ShouldBe("no changes");
    }

    [Fact]
    public void A_new_service_or_batch_job_registered_without_a_plan_places_each_groups_count()
    {
        var job = JsonNode.Parse("""{"Type":"service","TaskGroups":[{"Name":"web","Count":3},{"Name":"api"},{"Name":"idle","Count":0}]}""")!.AsObject();

        PlanSummary.OfNewJob(job).ShouldBe("api: 1 create; idle: 0 ignore; web: 3 create");
        job["Type"] = "batch";
        PlanSummary.OfNewJob(job).ShouldBe("api: 1 create; idle: 0 ignore; web: 3 create");
    }

    [Theory]
    [InlineData("""{"Type":"batch","Periodic":{"Spec":"@daily"},"TaskGroups":[{"Name":"run","Count":1}]}""")]
    [InlineData("""{"Type":"batch","ParameterizedJob":{},"TaskGroups":[{"Name":"run","Count":1}]}""")]
    [InlineData("""{"Type":"service","Periodic":{"Spec":"@daily"},"TaskGroups":[{"Name":"run","Count":1}]}""")]
    public void A_new_periodic_or_parameterized_job_is_summarized_as_nomads_plan_answers_it_each_groups_count_created(string json)
    {
        // The plan runs the generic scheduler on the parent job too (hashicorp/nomad#2012): "run (1 create)".
        PlanSummary.OfNewJob(JsonNode.Parse(json)!.AsObject()).ShouldBe("run: 1 create");
    }

    [Theory]
    [InlineData("A system job places one per eligible node", """{"Type":"system","TaskGroups":[{"Name":"agent","Count":1}]}""")]
    [InlineData("A sysbatch job places one per eligible node", """{"Type":"sysbatch","TaskGroups":[{"Name":"agent","Count":1}]}""")]
    public void A_new_job_whose_placements_are_not_its_counts_is_not_summarized_as_a_plan(string why, string json)
    {
        PlanSummary.OfNewJob(JsonNode.Parse(json)!.AsObject()).ShouldBe("new job (not planned)", why);
    }

    private static JobPlanResponse Plan(string diffType, Dictionary<string, DesiredUpdates> groups) => new()
    {
        Diff = new JsonObject { ["Type"] = diffType },
        Annotations = new PlanAnnotations { DesiredTGUpdates = groups },
    };
}

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

    private static JobPlanResponse Plan(string diffType, Dictionary<string, DesiredUpdates> groups) => new()
    {
        Diff = new JsonObject { ["Type"] = diffType },
        Annotations = new PlanAnnotations { DesiredTGUpdates = groups },
    };
}

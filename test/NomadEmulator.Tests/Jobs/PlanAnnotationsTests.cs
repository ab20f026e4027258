using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.Tests.Jobs;

public sealed class PlanAnnotationsTests
{
    [Theory]
    [InlineData("A new job places every group's count", "new_job", "frontend: Place=2; worker: Place=1")]
    [InlineData("An identical job ignores every running alloc", "unchanged", "frontend: Ignore=2; worker: Ignore=1")]
    [InlineData("A count raise places the difference and updates the rest in place", "count_up", "frontend: Place=2 InPlaceUpdate=2; worker: InPlaceUpdate=1")]
    [InlineData("A count cut stops the difference", "count_down", "frontend: Stop=1 InPlaceUpdate=1; worker: InPlaceUpdate=1")]
    [InlineData("An image change replaces max_parallel allocs and ignores the rest", "image", "frontend: Ignore=1 DestructiveUpdate=1; worker: InPlaceUpdate=1")]
    [InlineData("A job meta change is destructive for every group (combined task meta)", "job_meta_edited", "frontend: Ignore=1 DestructiveUpdate=1; worker: DestructiveUpdate=1")]
    [InlineData("A service tag change is an in-place update", "service_tags", "frontend: InPlaceUpdate=2; worker: InPlaceUpdate=1")]
    [InlineData("A removed group stops its allocs", "group_removed", "frontend: InPlaceUpdate=2; worker: Stop=1")]
    [InlineData("An added group places its count", "group_added", "cron: Place=2; frontend: InPlaceUpdate=2; worker: InPlaceUpdate=1")]
    [InlineData("An added task is destructive", "task_added", "frontend: Ignore=1 DestructiveUpdate=1; worker: InPlaceUpdate=1")]
    [InlineData("A batch count raise without update block places and updates in place", "batch_count", "run: Place=2 InPlaceUpdate=3")]
    public void Desired_updates_follow_the_reconciler_for_a_healthy_cluster(string sentence, string change, string expected)
    {
        _ = sentence;
        var old = GoldenCases.ReadIfExists("changes", change, "old.stored.json");
        var @new = GoldenCases.Read("changes", change, "new.stored.json");

        var updates = PlanAnnotations.DesiredTGUpdates(old, @new, JobDiffer.Diff(old, @new));

        Summary(updates).ShouldBe(expected);
    }

    [Fact]
    public void A_destructive_change_with_canaries_places_only_the_canaries()
    {
        var old = GoldenCases.Read("stored", "base.json");
        old["TaskGroups"]![0]!["Update"]!["Canary"] = 1;
        var @new = (JsonObject)old.DeepClone();
        @new["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"] = "nginx:1.27";

        var updates = PlanAnnotations.DesiredTGUpdates(old, @new, JobDiffer.Diff(old, @new));

        Summary(updates).ShouldBe("frontend: Ignore=2 Canary=1; worker: InPlaceUpdate=1");
    }

    private static string Summary(JsonObject updates) => string.Join("; ", updates
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key}: " + string.Join(" ", g.Value!.AsObject().Where(kv => kv.Value!.GetValue<long>() != 0).Select(kv => $"{kv.Key}={kv.Value}"))));
}

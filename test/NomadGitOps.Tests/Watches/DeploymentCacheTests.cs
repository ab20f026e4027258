using Nomad.Client;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Watches;

public sealed class DeploymentCacheTests
{
    private static Deployment Of(string id, string job, ulong createIndex, string status, ulong version = 0) =>
        new() { ID = id, Namespace = "default", JobID = job, JobVersion = version, Status = status, CreateIndex = createIndex, ModifyIndex = createIndex };

    [Fact]
    public void The_cache_is_current_only_after_a_list_and_until_the_watch_fails_and_is_emptied_by_a_reset()
    {
        var cache = new DeploymentCache();
        cache.IsCurrent.ShouldBeFalse();

        cache.Apply([Of("d1", "web", 10, DeploymentStatus.Running)], listIndex: 10);
        (cache.IsCurrent, cache.Index).ShouldBe((true, 10UL));

        cache.Behind();
        cache.IsCurrent.ShouldBeFalse();
        cache.ForJob("default", "web").ShouldHaveSingleItem();

        cache.Reset();
        (cache.IsCurrent, cache.Index).ShouldBe((false, 0UL));
        cache.ForJob("default", "web").ShouldBeEmpty();
    }

    [Fact]
    public void A_status_change_or_a_new_final_deployment_is_reported_but_progress_and_a_new_running_one_are_not()
    {
        var cache = new DeploymentCache();
        cache.Apply([Of("d1", "web", 10, DeploymentStatus.Running), Of("d2", "api", 11, DeploymentStatus.Running), Of("d3", "db", 12, DeploymentStatus.Running)], listIndex: 12);

        var changed = cache.Apply(
            [
                Of("d1", "web", 10, DeploymentStatus.Successful),
                Of("d2", "api", 11, DeploymentStatus.Running) with { ModifyIndex = 13 },
                Of("d3", "db", 12, DeploymentStatus.Failed),
                Of("d4", "new", 14, DeploymentStatus.Running),
                Of("d5", "old", 15, DeploymentStatus.Successful),
            ],
            listIndex: 15);

        changed.Select(d => d.ID).ShouldBe(["d1", "d3", "d5"]);
    }

    [Fact]
    public void A_jobs_deployments_are_newest_first_and_a_deployment_gone_from_the_list_is_dropped()
    {
        var cache = new DeploymentCache();
        cache.Apply([Of("d1", "web", 10, DeploymentStatus.Successful, 0), Of("d2", "web", 20, DeploymentStatus.Failed, 1), Of("d3", "api", 21, DeploymentStatus.Running)], listIndex: 21);

        cache.ForJob("default", "web").Select(d => d.ID).ShouldBe(["d2", "d1"]);
        cache.ForJob("other", "web").ShouldBeEmpty();

        cache.Apply([Of("d2", "web", 20, DeploymentStatus.Failed, 1)], listIndex: 30);
        cache.ForJob("default", "web").Select(d => d.ID).ShouldBe(["d2"]);
        cache.ForJob("default", "api").ShouldBeEmpty();
    }
}

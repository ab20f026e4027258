using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Watches;

public sealed class OwnedJobCacheTests
{
    private static OwnedJob Job(string id, ulong index, bool stop = false, string status = "running") =>
        new("default", id, index, stop, status, $"nomad-gitops/v1/nomadjob/default/{id}");

    [Fact]
    public void The_cache_is_current_only_after_a_list_and_until_the_watch_fails()
    {
        var cache = new OwnedJobCache();
        cache.IsCurrent.ShouldBeFalse();

        cache.Apply([Job("web", 10)], listIndex: 10);
        cache.IsCurrent.ShouldBeTrue();

        cache.Behind();
        cache.IsCurrent.ShouldBeFalse();
        cache.Find("default", "web").ShouldNotBeNull().JobModifyIndex.ShouldBe(10UL);
    }

    [Fact]
    public void A_new_JobModifyIndex_a_stop_or_a_new_job_moves_but_a_run_status_change_does_not()
    {
        var cache = new OwnedJobCache();
        cache.Apply([Job("web", 10, status: "pending"), Job("api", 11), Job("db", 12)], listIndex: 12);

        var (moved, gone) = cache.Apply([Job("web", 10, status: "running"), Job("api", 13), Job("db", 12, stop: true), Job("new", 14)], listIndex: 14);

        moved.Select(m => (m.Job.Id, m.Appeared)).ShouldBe([("api", false), ("db", false), ("new", true)]);
        gone.ShouldBeEmpty();
    }

    [Fact]
    public void A_register_of_ours_is_no_move_when_the_list_shows_it()
    {
        var cache = new OwnedJobCache();
        cache.Apply([Job("web", 10)], listIndex: 10);

        cache.Registered(Job("web", 20, status: "pending"));
        var (moved, _) = cache.Apply([Job("web", 20)], listIndex: 21);

        moved.ShouldBeEmpty();
    }

    [Fact]
    public void A_register_of_ours_newer_than_a_list_is_neither_replaced_nor_gone()
    {
        var cache = new OwnedJobCache();
        cache.Apply([Job("web", 10)], listIndex: 10);
        cache.Registered(Job("api", 30));
        cache.Registered(Job("web", 31));

        var (moved, gone) = cache.Apply([Job("web", 10)], listIndex: 20);

        moved.ShouldBeEmpty();
        gone.ShouldBeEmpty();
        cache.Find("default", "web").ShouldNotBeNull().JobModifyIndex.ShouldBe(31UL);
        cache.Find("default", "api").ShouldNotBeNull();
    }

    [Fact]
    public void A_job_missing_from_a_list_newer_than_it_is_gone()
    {
        var cache = new OwnedJobCache();
        cache.Apply([Job("web", 10), Job("api", 11)], listIndex: 11);

        var (_, gone) = cache.Apply([Job("web", 10)], listIndex: 12);

        gone.Select(j => j.Id).ShouldBe(["api"]);
        cache.Find("default", "api").ShouldBeNull();
    }
}

using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_files_of_one_repository_defining_one_job_are_a_conflict_on_both_and_the_first_file_keeps_it()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("b-web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        await repo.WithFile("a-web.json", JobFiles.Json("web", count: 2)).CommitAsync("a copy sorting first", Ct);

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);
        var afterFirst = (await h.JobAsync("default", "web", Ct))!;
        h.Nomad.Calls.Reset();
        await repo.WithFile("README.md", "x").CommitAsync("unrelated", Ct);
        await h.PublishAndIndexAsync(key, repo, Ct);
        await h.Controller.ReconcileAsync(key, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        var job = (await h.JobAsync("default", "web", Ct))!;
        job.Items[ItemKeys.File].ShouldBe("b-web.json");
        job.Items[ItemKeys.StatusIndexConflict].ShouldBe("gitrepository/apps: a-web.json also defines this job; it stays with b-web.json.");
        job.ModifyIndex.ShouldBe(afterFirst.ModifyIndex);
        var status = await h.IndexStatusAsync(key, Ct);
        status.Errors.ShouldNotBeNull().ShouldContain("a-web.json");
        status.Errors.ShouldContain("b-web.json");
        status.Jobs.ShouldBe(["default/web"]);
    }

    [Fact]
    public async Task Two_repositories_defining_one_job_are_a_conflict_on_both_and_the_first_owner_is_kept_over_repeated_reconciles()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var first = await h.NewRepoAsync("first", Ct);
        using var second = await h.NewRepoAsync("second", Ct);
        await first.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        await second.WithFile("jobs/web.json", JobFiles.Json("web", count: 5)).WithFile("jobs/api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var a = await h.CreateRepositoryAsync("first", first, Ct, (ItemKeys.Include, @"\.json$"));
        var b = await h.CreateRepositoryAsync("second", second, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(a, first, Ct);

        var outcome = await h.PublishAndIndexAsync(b, second, Ct);
        var settled = (await h.JobAsync("default", "web", Ct))!;
        for (var i = 0; i < 3; i++)
        {
            await h.Controller.ReconcileAsync(a, Ct);
            await h.Controller.ReconcileAsync(b, Ct);
        }

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        var web = (await h.JobAsync("default", "web", Ct))!;
        web.ModifyIndex.ShouldBe(settled.ModifyIndex);
        web.Items[ItemKeys.Repository].ShouldBe("first");
        web.Items[ItemKeys.File].ShouldBe("web.json");
        web.Items[ItemKeys.StatusIndexConflict].ShouldBe("gitrepository/second: jobs/web.json also defines this job; it stays with gitrepository/first (web.json).");
        (await h.JobAsync("default", "api", Ct)).ShouldNotBeNull().Items[ItemKeys.Repository].ShouldBe("second");
        var secondStatus = await h.IndexStatusAsync(b, Ct);
        secondStatus.Jobs.ShouldBe(["default/api"]);
        secondStatus.Conflicts.ShouldBe(["default/web"]);
        secondStatus.Errors.ShouldNotBeNull().ShouldContain("jobs/web.json defines job \"web\" in namespace \"default\", which gitrepository/first (web.json) already manages");
        var firstStatus = await h.IndexStatusAsync(a, Ct);
        firstStatus.Jobs.ShouldBe(["default/web"]);
        firstStatus.Errors.ShouldBeNull();
    }

    [Fact]
    public async Task When_the_first_owner_drops_its_file_the_other_repository_takes_the_job_and_withdraws_its_note()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var first = await h.NewRepoAsync("first", Ct);
        using var second = await h.NewRepoAsync("second", Ct);
        await first.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        await second.WithFile("web.json", JobFiles.Json("web", count: 5)).CommitAsync("first", Ct);
        var a = await h.CreateRepositoryAsync("first", first, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        var b = await h.CreateRepositoryAsync("second", second, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(a, first, Ct);
        await h.PublishAndIndexAsync(b, second, Ct);
        await first.WithoutFile("web.json").CommitAsync("hand web over", Ct);
        await h.PublishAndIndexAsync(a, first, Ct);

        var outcome = await h.Controller.ReconcileAsync(b, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var web = (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        web.Items[ItemKeys.Repository].ShouldBe("second");
        web.Items.ShouldNotContainKey(ItemKeys.StatusIndexConflict);
        var status = await h.IndexStatusAsync(b, Ct);
        status.Jobs.ShouldBe(["default/web"]);
        status.Errors.ShouldBeNull();
        status.Conflicts.ShouldNotBeNull().ShouldBeEmpty();
    }
}

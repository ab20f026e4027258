using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexFirstSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_index_creates_a_NomadJob_for_every_job_file_and_triggers_each()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("jobs/web.json", JobFiles.Json("web"))
            .WithFile("jobs/batch/report.json", JobFiles.Json("report", ns: "ops"))
            .WithFile("README.md", "not a job")
            .CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var web = (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull().Items;
        web[ItemKeys.Repository].ShouldBe("apps");
        web[ItemKeys.File].ShouldBe("jobs/web.json");
        web[ItemKeys.JobId].ShouldBe("web");
        web[ItemKeys.Namespace].ShouldBe("default");
        web[ItemKeys.ManagedBy].ShouldBe("index");
        web[ItemKeys.Prune].ShouldBe("true");
        web[ItemKeys.StatusIndexedAt].ShouldBe("2026-11-25T12:00:00Z");
        NomadJobSpec.Parse(web, ObjectKey.NomadJob("default", "web")).IsValid.ShouldBeTrue();
        (await h.JobAsync("ops", "report", Ct)).ShouldNotBeNull().Items[ItemKeys.File].ShouldBe("jobs/batch/report.json");
        var status = await h.IndexStatusAsync(key, Ct);
        status.Jobs.ShouldBe(["default/web", "ops/report"]);
        status.Errors.ShouldBeNull();
        status.IndexedCommit.ShouldNotBeNull();
        h.Trigger.Triggered.ShouldBe(
            [(ControllerName.NomadJob, ObjectKey.NomadJob("default", "web")), (ControllerName.NomadJob, ObjectKey.NomadJob("ops", "report"))],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_job_without_a_namespace_takes_the_repositorys_namespace_item()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api", ns: "default")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Namespace, "team-a"));

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("team-a", "web", Ct)).ShouldNotBeNull();
        (await h.JobAsync("default", "api", Ct)).ShouldNotBeNull();
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/api", "team-a/web"]);
    }

    [Fact]
    public async Task A_json_file_in_the_form_nomad_job_inspect_prints_is_indexed_like_a_bare_job()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("inspected.json", JobFiles.Inspected("cache", ns: "data")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("data", "cache", Ct)).ShouldNotBeNull().Items[ItemKeys.File].ShouldBe("inspected.json");
    }

    [Fact]
    public async Task Only_files_under_path_matching_include_and_not_exclude_are_indexed()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("deploy/web.json", JobFiles.Json("web"))
            .WithFile("deploy/web.test.json", JobFiles.Json("web-test"))
            .WithFile("deploy/notes.txt", "hello")
            .WithFile("other/api.json", JobFiles.Json("api"))
            .CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct,
            (ItemKeys.Path, "deploy"), (ItemKeys.Include, @"\.json$"), (ItemKeys.Exclude, @"\.test\.json$"));

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobKeysAsync(Ct)).ShouldBe([ObjectKey.NomadJob("default", "web")]);
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/web"]);
    }

    [Fact]
    public async Task A_hand_made_NomadJob_is_never_touched_and_the_claim_is_reported_on_the_repository()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var handMade = ObjectKey.NomadJob("default", "web");
        var handItems = new Dictionary<string, string> { [ItemKeys.Repository] = "elsewhere", [ItemKeys.File] = "mine.nomad", [ItemKeys.JobId] = "web" };
        (await h.Store.CreateAsync(handMade, handItems, Ct)).ShouldBeTrue();
        var before = (await h.Store.ReadAsync(handMade, Ct))!;
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);
        await h.Controller.ReconcileAsync(key, Ct);

        var after = (await h.Store.ReadAsync(handMade, Ct))!;
        after.ModifyIndex.ShouldBe(before.ModifyIndex);
        after.Items.ShouldBe(before.Items, ignoreOrder: true);
        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        var status = await h.IndexStatusAsync(key, Ct);
        status.Jobs.ShouldBeEmpty();
        status.Errors.ShouldNotBeNull().ShouldContain("web.json");
        status.Errors.ShouldContain("hand-made NomadJob nomadjob/default/web");
        h.Trigger.Triggered.ShouldBeEmpty();
    }
}

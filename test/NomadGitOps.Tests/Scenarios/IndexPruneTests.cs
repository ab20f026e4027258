using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexPruneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_removed_file_deletes_its_NomadJob_when_prune_is_on_and_triggers_it()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        await repo.WithoutFile("api.json").CommitAsync("drop api", Ct);
        h.Trigger.Clear();

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("default", "api", Ct)).ShouldBeNull();
        (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/web"]);
        h.Trigger.Triggered.ShouldBe([(ControllerName.NomadJob, ObjectKey.NomadJob("default", "api"))]);
    }

    [Fact]
    public async Task A_removed_file_marks_its_NomadJob_orphaned_when_prune_is_off_and_its_return_clears_the_mark()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        await repo.WithoutFile("api.json").CommitAsync("drop api", Ct);
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        await h.PublishAndIndexAsync(key, repo, Ct);

        var orphaned = (await h.JobAsync("default", "api", Ct)).ShouldNotBeNull();
        orphaned.Items[ItemKeys.StatusOrphanedAt].ShouldBe("2026-11-25T12:05:00Z");
        ItemCodec.DecodeNomadJobIndexStatus(orphaned.Items).IsOrphaned.ShouldBeTrue();
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBeEmpty();
        await h.Controller.ReconcileAsync(key, Ct);
        (await h.JobAsync("default", "api", Ct))!.ModifyIndex.ShouldBe(orphaned.ModifyIndex);

        await repo.WithFile("api.json", JobFiles.Json("api")).CommitAsync("api is back", Ct);
        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("default", "api", Ct))!.Items.ShouldNotContainKey(ItemKeys.StatusOrphanedAt);
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/api"]);
    }

    [Fact]
    public async Task A_deleted_repository_with_prune_on_deletes_the_NomadJobs_it_made_and_no_others()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var apps = await h.NewRepoAsync("apps", Ct);
        using var other = await h.NewRepoAsync("other", Ct);
        await apps.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        await other.WithFile("db.json", JobFiles.Json("db")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", apps, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        var otherKey = await h.CreateRepositoryAsync("other", other, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        await h.PublishAndIndexAsync(key, apps, Ct);
        await h.PublishAndIndexAsync(otherKey, other, Ct);
        await h.Store.CreateAsync(ObjectKey.NomadJob("default", "manual"), new Dictionary<string, string> { [ItemKeys.Repository] = "apps", [ItemKeys.File] = "manual.json" }, Ct);
        var stored = (await h.Store.ReadAsync(key, Ct)).ShouldNotBeNull();
        (await h.Store.DeleteAsync(key, stored.ModifyIndex, Ct)).ShouldBeTrue();
        h.Trigger.Clear();

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        outcome.Message.ShouldBe("gitrepository/apps no longer exists: 2 NomadJob(s) it made deleted (prune), 0 orphaned.");
        (await h.JobAsync("default", "web", Ct)).ShouldBeNull();
        (await h.JobAsync("default", "api", Ct)).ShouldBeNull();
        (await h.JobAsync("default", "db", Ct)).ShouldNotBeNull();
        (await h.JobAsync("default", "manual", Ct)).ShouldNotBeNull();
        h.Trigger.Triggered.Select(t => t.Item2).ShouldBe([ObjectKey.NomadJob("default", "api"), ObjectKey.NomadJob("default", "web")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_deleted_repository_with_prune_off_orphans_the_NomadJobs_it_made_once()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var apps = await h.NewRepoAsync("apps", Ct);
        await apps.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", apps, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, apps, Ct);
        var stored = (await h.Store.ReadAsync(key, Ct)).ShouldNotBeNull();
        (await h.Store.DeleteAsync(key, stored.ModifyIndex, Ct)).ShouldBeTrue();

        (await h.Controller.ReconcileAsync(key, Ct)).Message.ShouldEndWith("0 NomadJob(s) it made deleted (prune), 1 orphaned.");
        var orphaned = (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        orphaned.Items.ShouldContainKey(ItemKeys.StatusOrphanedAt);

        (await h.Controller.ReconcileAsync(key, Ct)).Message.ShouldBe("gitrepository/apps no longer exists.");
        (await h.JobAsync("default", "web", Ct))!.ModifyIndex.ShouldBe(orphaned.ModifyIndex);
    }

    [Fact]
    public async Task A_file_that_became_malformed_keeps_its_NomadJob_instead_of_pruning_it()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        await repo.WithFile("api.json", "{ \"ID\": ").CommitAsync("break api", Ct);

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("default", "api", Ct)).ShouldNotBeNull().Items.ShouldNotContainKey(ItemKeys.StatusOrphanedAt);
        var status = await h.IndexStatusAsync(key, Ct);
        status.Jobs.ShouldBe(["default/api"]);
        status.Errors.ShouldNotBeNull().ShouldContain("api.json");
    }

    [Fact]
    public async Task An_exclude_added_to_the_repository_spec_prunes_at_the_same_commit()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var stored = (await h.Store.ReadAsync(key, Ct))!;
        var edited = new Dictionary<string, string>(stored.Items) { [ItemKeys.Exclude] = "^api" };
        (await h.Store.ReplaceAsync(key, edited, stored.ModifyIndex, Ct)).ShouldBeTrue();

        await h.Controller.ReconcileAsync(key, Ct);

        (await h.JobKeysAsync(Ct)).ShouldBe([ObjectKey.NomadJob("default", "web")]);
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/web"]);
    }
}

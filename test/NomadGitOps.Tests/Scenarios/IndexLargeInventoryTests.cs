using Microsoft.Extensions.Logging.Abstractions;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexLargeInventoryTests
{
    // 700 entries of ~100 bytes: the inventory alone would pass the 64 KiB of one variable.
    private const int JobCount = 700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repository_whose_inventory_passes_64_KiB_is_indexed_and_prunes_vanished_files_after_a_restart_sparing_objects_not_its_own()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        foreach (var id in Enumerable.Range(0, JobCount).Select(LongId))
        {
            repo.WithFile($"jobs/{id}.json", JobFiles.Json(id));
        }

        await repo.CommitAsync("many jobs", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));

        var first = await h.PublishAndIndexAsync(key, repo, Ct);

        first.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var status = await h.IndexStatusAsync(key, Ct);
        status.IsListed.ShouldBeFalse();
        status.JobCount.ShouldBe(JobCount);
        (await h.Store.ReadAsync(key, Ct))!.Items.ShouldNotContainKey(ItemKeys.StatusIndexJobs);
        (await h.JobKeysAsync(Ct)).Count.ShouldBe(JobCount);

        // Objects this repository's index did not make: a hand-made one naming the repository, and another repository's.
        var manual = ObjectKey.NomadJob("default", "manual");
        await h.Store.CreateAsync(manual, new Dictionary<string, string> { [ItemKeys.Repository] = "apps", [ItemKeys.File] = "jobs/manual.json" }, Ct);
        var foreign = ObjectKey.NomadJob("default", "other-db");
        await h.Store.CreateAsync(foreign, new Dictionary<string, string>
        {
            [ItemKeys.Repository] = "other",
            [ItemKeys.File] = "db.json",
            [ItemKeys.ManagedBy] = NomadJobSpec.ManagedByIndex,
            [ItemKeys.Prune] = "true",
        }, Ct);
        string[] removed = [LongId(3), LongId(400), LongId(699)];
        foreach (var id in removed)
        {
            repo.WithoutFile($"jobs/{id}.json");
        }

        await repo.CommitAsync("three fewer", Ct);
        h.Trigger.Clear();

        // A restart: a new controller knows nothing of the last index but what Nomad holds.
        var restarted = new NomadJobIndexController(h.Store, h.GitCache, h.Parser, h.Trigger, new ReconcileSkeleton(h.Store, new Backoff(BackoffOptions.Default, new Random(7)), h.Clock), h.Clock, NullLogger<NomadJobIndexController>.Instance);
        await h.PublishAsync(key, repo, Ct);
        var second = await restarted.ReconcileAsync(key, Ct);

        second.Message.ShouldContain($"{JobCount - removed.Length} job(s) indexed (0 created, 0 updated, 0 orphaned, 3 deleted)");
        foreach (var id in removed)
        {
            (await h.JobAsync("default", id, Ct)).ShouldBeNull();
        }

        (await h.JobAsync("default", LongId(4), Ct)).ShouldNotBeNull();
        (await h.Store.ReadAsync(manual, Ct)).ShouldNotBeNull();
        (await h.Store.ReadAsync(foreign, Ct)).ShouldNotBeNull();
        (await h.JobKeysAsync(Ct)).Count.ShouldBe(JobCount - removed.Length + 2);
        (await h.IndexStatusAsync(key, Ct)).JobCount.ShouldBe(JobCount - removed.Length);
        // The deleted objects are triggered (so their jobs are pruned); after a restart the others are woken too.
        var triggered = h.Trigger.Triggered.Where(t => t.Controller == ControllerName.NomadJob).Select(t => t.Key.Name).ToHashSet(StringComparer.Ordinal);
        removed.All(triggered.Contains).ShouldBeTrue();
        triggered.Contains("manual").ShouldBeFalse();
        triggered.Contains("other-db").ShouldBeFalse();
    }

    [Fact]
    public void An_inventory_too_large_for_its_share_of_the_variable_is_written_as_its_count_and_read_back_as_not_listed()
    {
        var jobs = Enumerable.Range(0, JobCount).Select(i => $"default/{LongId(i)}").ToList();

        var patch = ItemCodec.Encode(new RepositoryIndexStatus(jobs, IndexedCommit: "abc"));
        var small = ItemCodec.Encode(new RepositoryIndexStatus(jobs[..3], IndexedCommit: "abc"));

        patch.Items.ShouldNotContainKey(ItemKeys.StatusIndexJobs);
        patch.Items[ItemKeys.StatusIndexJobCount].ShouldBe("700");
        var read = ItemCodec.DecodeRepositoryIndexStatus(patch.Items);
        read.IsListed.ShouldBeFalse();
        read.Jobs.ShouldBeEmpty();
        small.Items.ShouldNotContainKey(ItemKeys.StatusIndexJobCount);
        ItemCodec.DecodeRepositoryIndexStatus(small.Items).Jobs.ShouldBe(jobs[..3]);
        ItemCodec.DecodeRepositoryIndexStatus(small.Items).IsListed.ShouldBeTrue();
    }

    // 88 characters: as long as a job ID gets without shortening the object's variable path.
    private static string LongId(int i) => $"service-{i:D4}-" + new string('x', 75);
}

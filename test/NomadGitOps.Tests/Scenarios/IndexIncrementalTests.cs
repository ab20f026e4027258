using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// A new commit costs the index work for what it changed (issue 14): starting from its last index in this process, it
/// reads, parses and decides on only the job files whose blob differs, with the object cache of <c>run</c>.
/// </summary>
public sealed class IndexIncrementalTests
{
    private const int Files = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_changing_one_of_ten_job_files_reads_only_that_file_and_wakes_only_its_NomadJob()
    {
        await using var h = await IndexHarness.StartAsync(Ct, cached: true);
        using var repo = await NewRepoAsync(h);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        (await h.PublishAndIndexAsync(key, repo, Ct)).Message.ShouldContain($"{Files} of {Files} job file(s) read");
        var before = await ModifyIndexesAsync(h);
        await repo.WithFile("jobs/job-3.json", JobFiles.Json("job-3", count: 4)).CommitAsync("four of job-3", Ct);
        h.Trigger.Clear();

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Message.ShouldContain($"{Files} job(s) indexed (0 created, 0 updated, 0 orphaned, 0 deleted), 1 of {Files} job file(s) read");
        h.Trigger.Triggered.ShouldBe([(ControllerName.NomadJob, ObjectKey.NomadJob("default", "job-3"))]);
        (await ModifyIndexesAsync(h)).ShouldBe(before);
        (await h.IndexStatusAsync(key, Ct)).Jobs.Count.ShouldBe(Files);
    }

    [Fact]
    public async Task A_commit_adding_one_file_and_removing_another_creates_and_prunes_only_those_objects()
    {
        await using var h = await IndexHarness.StartAsync(Ct, cached: true);
        using var repo = await NewRepoAsync(h);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"), (ItemKeys.Prune, "true"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var before = await ModifyIndexesAsync(h);
        await repo.WithFile("jobs/new.json", JobFiles.Json("new")).WithoutFile("jobs/job-7.json").CommitAsync("one in, one out", Ct);

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.Message.ShouldContain("(1 created, 0 updated, 0 orphaned, 1 deleted), 1 of 10 job file(s) read, 1 gone");
        (await h.JobAsync("default", "job-7", Ct)).ShouldBeNull();
        (await h.JobAsync("default", "new", Ct)).ShouldNotBeNull();
        var after = await ModifyIndexesAsync(h);
        foreach (var (job, index) in before.Where(b => b.Key != "job-7"))
        {
            after[job].ShouldBe(index);
        }

        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldContain("default/new");
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldNotContain("default/job-7");
    }

    [Fact]
    public async Task An_object_deleted_by_hand_is_made_again_at_the_next_commit_although_its_file_did_not_change()
    {
        await using var h = await IndexHarness.StartAsync(Ct, cached: true);
        using var repo = await NewRepoAsync(h);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var gone = (await h.JobAsync("default", "job-5", Ct)).ShouldNotBeNull();
        (await h.Store.DeleteAsync(gone.Key, gone.ModifyIndex, Ct)).ShouldBeTrue();
        await repo.WithFile("jobs/job-1.json", JobFiles.Json("job-1", count: 2)).CommitAsync("two of job-1", Ct);

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.Message.ShouldContain("(1 created, 0 updated, 0 orphaned, 0 deleted), 1 of 10 job file(s) read");
        (await h.JobAsync("default", "job-5", Ct)).ShouldNotBeNull().Items[ItemKeys.File].ShouldBe("jobs/job-5.json");
    }

    [Fact]
    public async Task After_an_index_with_an_error_the_next_commit_reads_every_file_again()
    {
        await using var h = await IndexHarness.StartAsync(Ct, cached: true);
        using var repo = await NewRepoAsync(h);
        await repo.WithFile("jobs/broken.json", "{ not json").CommitAsync("broken", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        (await h.PublishAndIndexAsync(key, repo, Ct)).ShouldBeOfType<ReconcileOutcome.Stalled>();
        await repo.WithoutFile("jobs/broken.json").CommitAsync("fixed", Ct);

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Message.ShouldContain($"{Files} of {Files} job file(s) read");
        (await h.IndexStatusAsync(key, Ct)).Errors.ShouldBeNull();
    }

    private static async Task<RepoBuilder> NewRepoAsync(IndexHarness h)
    {
        var repo = await h.NewRepoAsync("apps", Ct);
        for (var i = 0; i < Files; i++)
        {
            repo.WithFile($"jobs/job-{i}.json", JobFiles.Json($"job-{i}"));
        }

        await repo.CommitAsync("ten jobs", Ct);
        return repo;
    }

    private static async Task<Dictionary<string, ulong>> ModifyIndexesAsync(IndexHarness h)
    {
        var indexes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var key in await h.JobKeysAsync(Ct))
        {
            indexes[key.Name] = (await h.Store.ReadAsync(key, Ct)).ShouldNotBeNull().ModifyIndex;
        }

        return indexes;
    }
}

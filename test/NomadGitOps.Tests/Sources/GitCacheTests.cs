using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Sources;

public sealed class GitCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_sync_fetches_the_commit_into_a_cache_named_by_a_hash_of_the_url()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("jobs/web.nomad.hcl", "job \"web\" {}").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);

        var result = await harness.Cache.SyncAsync(source, previousCommit: null, Ct);

        result.Outcome.ShouldBe(SyncOutcome.Fetched);
        result.Ref.ShouldBe(new RemoteRef("refs/heads/main", commit));
        result.CacheRecreated.ShouldBeTrue();
        var directory = harness.Cache.DirectoryFor(source.Url);
        Path.GetFileName(directory).ShouldBe(source.Url.CacheKey() + ".git");
        Directory.GetDirectories(harness.CacheRoot).ShouldBe([directory]);
    }

    [Fact]
    public async Task No_fetch_runs_when_the_commit_did_not_move_even_after_a_restart()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var first = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await first.Cache.SyncAsync(source, null, Ct);
        using var restarted = new GitSourcesHarness(cacheRoot: first.CacheRoot);

        var again = await first.Cache.SyncAsync(source, commit, Ct);
        var afterRestart = await restarted.Cache.SyncAsync(source, commit, Ct);

        again.Outcome.ShouldBe(SyncOutcome.Unchanged);
        afterRestart.Outcome.ShouldBe(SyncOutcome.Unchanged);
        afterRestart.CacheRecreated.ShouldBeFalse();
        first.Git.CountOf("fetch").ShouldBe(1);
        first.Git.CountOf("ls-remote").ShouldBe(2);
        restarted.Git.CountOf("fetch").ShouldBe(0);
        restarted.Git.CountOf("ls-remote").ShouldBe(1);
    }

    [Fact]
    public async Task One_new_commit_is_fetched_incrementally()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        for (var i = 0; i < 200; i++)
        {
            repo.WithFile($"jobs/j{i:000}.nomad.hcl", $"job \"j{i}\" {{}}");
        }
        var firstCommit = await repo.CommitAsync("200 jobs", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var objectsBefore = await TestGit.CountObjectsAsync(harness.Cache.DirectoryFor(source.Url), Ct);
        var next = await repo.WithFile("jobs/j007.nomad.hcl", "job \"j7\" { changed = true }").CommitAsync("change one job", Ct);

        var result = await harness.Cache.SyncAsync(source, firstCommit, Ct);

        result.Outcome.ShouldBe(SyncOutcome.Fetched);
        result.Ref.Commit.ShouldBe(next);
        result.PreviousCommit.ShouldBe(firstCommit);
        var objectsAfter = await TestGit.CountObjectsAsync(harness.Cache.DirectoryFor(source.Url), Ct);
        objectsBefore.ShouldBeGreaterThan(200);
        (objectsAfter - objectsBefore).ShouldBe(4); // commit, root tree, jobs/ tree, one blob
    }

    [Fact]
    public async Task A_force_push_is_fetched_and_reported_as_such()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        var replaced = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var rewritten = await repo.ForcePushAsync("rewritten history", Ct);

        var result = await harness.Cache.SyncAsync(source, replaced, Ct);

        result.Outcome.ShouldBe(SyncOutcome.ForcePushed);
        result.Ref.Commit.ShouldBe(rewritten);
        result.PreviousCommit.ShouldBe(replaced);
        var text = (await harness.Cache.Open(source, rewritten).ReadFileAsync("rewritten.txt", Ct)).Text;
        text.ShouldBe("rewritten history");
    }

    [Fact]
    public async Task A_deleted_branch_is_a_ref_not_found_error_that_says_it_was_deleted()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        await repo.BranchAsync("feature", Ct);
        var last = await repo.WithFile("a.txt", "feature").CommitAsync("on feature", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, GitReference.Branch("feature"));
        await harness.Cache.SyncAsync(source, null, Ct);
        await repo.DeleteBranchAsync("feature", Ct);

        var error = await Should.ThrowAsync<GitException>(() => harness.Cache.SyncAsync(source, last, Ct));

        error.Kind.ShouldBe(GitErrorKind.RefNotFound);
        error.Message.ShouldContain("branch 'feature' was deleted");
        error.Message.ShouldContain(last[..12]);
        (await harness.Cache.Open(source, last).ReadFileAsync("a.txt", Ct)).Text.ShouldBe("feature", "the last good commit keeps serving");
    }

    [Fact]
    public async Task A_requested_sync_of_a_branch_fetches_without_asking_ls_remote_first()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var first = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var next = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);

        var moved = await harness.Cache.SyncAsync(source, first, SyncHint.RefLikelyMoved, Ct);
        var again = await harness.Cache.SyncAsync(source, next, SyncHint.RefLikelyMoved, Ct);

        moved.Outcome.ShouldBe(SyncOutcome.Fetched);
        moved.Ref.ShouldBe(new RemoteRef("refs/heads/main", next));
        moved.PreviousCommit.ShouldBe(first);
        again.Outcome.ShouldBe(SyncOutcome.Unchanged);
        harness.Git.CountOf("ls-remote").ShouldBe(1, "only the first, periodic sync asked ls-remote");
        harness.Git.CountOf("fetch").ShouldBe(3);
        (await harness.Cache.Open(source, next).ReadFileAsync("a.txt", Ct)).Text.ShouldBe("2");
    }

    [Fact]
    public async Task A_requested_sync_sees_a_force_push_and_a_deleted_branch_as_a_periodic_one_does()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        await repo.BranchAsync("feature", Ct);
        var replaced = await repo.WithFile("a.txt", "feature").CommitAsync("on feature", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, GitReference.Branch("feature"));
        await harness.Cache.SyncAsync(source, null, Ct);
        var rewritten = await repo.ForcePushAsync("rewritten history", Ct);

        var forced = await harness.Cache.SyncAsync(source, replaced, SyncHint.RefLikelyMoved, Ct);
        await repo.DeleteBranchAsync("feature", Ct);
        var error = await Should.ThrowAsync<GitException>(() => harness.Cache.SyncAsync(source, rewritten, SyncHint.RefLikelyMoved, Ct));
        var missing = await Should.ThrowAsync<GitException>(() =>
            harness.Cache.SyncAsync(GitSourcesHarness.Source(repo.Url, GitReference.Branch("never-was")), null, SyncHint.RefLikelyMoved, Ct));

        forced.Outcome.ShouldBe(SyncOutcome.ForcePushed);
        forced.Ref.Commit.ShouldBe(rewritten);
        error.Kind.ShouldBe(GitErrorKind.RefNotFound);
        error.Message.ShouldContain("branch 'feature' was deleted");
        error.Message.ShouldContain(rewritten[..12]);
        missing.Kind.ShouldBe(GitErrorKind.RefNotFound);
        missing.Message.ShouldContain("branch 'never-was' does not exist");
    }

    [Fact]
    public async Task A_requested_sync_of_a_semver_range_still_resolves_the_tags_with_ls_remote()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var tagged = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        await repo.TagAsync("v1.2.0", annotated: false, Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, GitReference.Semver(">=1.0.0"));

        var result = await harness.Cache.SyncAsync(source, null, SyncHint.RefLikelyMoved, Ct);

        result.Ref.ShouldBe(new RemoteRef("refs/tags/v1.2.0", tagged));
        harness.Git.CountOf("ls-remote").ShouldBe(1);
    }

    [Theory]
    [InlineData("the cache directory was deleted")]
    [InlineData("the cache's HEAD and refs were overwritten with garbage")]
    [InlineData("the cache's object store was removed")]
    [InlineData("the cache's objects were emptied so its refs point at nothing")]
    public async Task A_damaged_cache_is_re_created_and_the_same_commit_fetched_again(string damage)
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var directory = harness.Cache.DirectoryFor(source.Url);
        switch (damage)
        {
            case "the cache directory was deleted":
                Directory.Delete(directory, recursive: true);
                break;
            case "the cache's HEAD and refs were overwritten with garbage":
                await File.WriteAllTextAsync(Path.Combine(directory, "HEAD"), "garbage", Ct);
                Directory.Delete(Path.Combine(directory, "refs"), recursive: true);
                break;
            case "the cache's object store was removed":
                Directory.Delete(Path.Combine(directory, "objects"), recursive: true);
                break;
            default:
                foreach (var file in Directory.GetFiles(Path.Combine(directory, "objects"), "*", SearchOption.AllDirectories))
                {
                    File.Delete(file);
                }
                break;
        }

        var result = await harness.Cache.SyncAsync(source, commit, Ct);

        result.CacheRecreated.ShouldBeTrue(damage);
        result.Outcome.ShouldBe(SyncOutcome.Unchanged, "the commit served did not change: " + damage);
        harness.Git.CountOf("fetch").ShouldBe(2, damage);
        (await harness.Cache.Open(source, commit).ReadFileAsync("a.txt", Ct)).Text.ShouldBe("1", damage);
    }

    [Fact]
    public async Task A_pinned_commit_is_fetched_once_and_checked_to_exist()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var pinned = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, GitReference.Commit(pinned));

        var first = await harness.Cache.SyncAsync(source, null, Ct);
        var second = await harness.Cache.SyncAsync(source, pinned, Ct);
        var missing = GitSourcesHarness.Source(repo.Url, GitReference.Commit(new string('a', 40)));
        var error = await Should.ThrowAsync<GitException>(() => harness.Cache.SyncAsync(missing, null, Ct));

        first.Outcome.ShouldBe(SyncOutcome.Fetched);
        first.Ref.Commit.ShouldBe(pinned);
        second.Outcome.ShouldBe(SyncOutcome.Unchanged);
        harness.Git.CountOf("ls-remote").ShouldBe(0);
        error.Kind.ShouldBe(GitErrorKind.RefNotFound);
        error.Message.ShouldContain(new string('a', 40));
    }

    [Fact]
    public async Task A_semver_source_moves_to_a_new_matching_tag()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var v1 = await repo.WithFile("v", "1.0.0").CommitAsync("v1.0.0", Ct);
        await repo.TagAsync("v1.0.0", annotated: true, Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url, GitReference.Semver("^1"));
        (await harness.Cache.SyncAsync(source, null, Ct)).Ref.Commit.ShouldBe(v1);
        var v11 = await repo.WithFile("v", "1.1.0").CommitAsync("v1.1.0", Ct);
        await repo.TagAsync("v1.1.0", annotated: true, Ct);

        var result = await harness.Cache.SyncAsync(source, v1, Ct);

        result.Outcome.ShouldBe(SyncOutcome.Fetched);
        result.Ref.ShouldBe(new RemoteRef("refs/tags/v1.1.0", v11));
    }

    [Fact]
    public async Task A_discarded_cache_is_fetched_again_on_the_next_sync()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);

        await harness.Cache.DiscardAsync(source.Url, Ct);
        var result = await harness.Cache.SyncAsync(source, commit, Ct);

        result.CacheRecreated.ShouldBeTrue();
        result.Outcome.ShouldBe(SyncOutcome.Unchanged);
        harness.Git.CountOf("fetch").ShouldBe(2);
    }

    [Fact]
    public async Task Two_repositories_get_two_caches_and_credentials_in_the_url_change_nothing()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var app = await RepoBuilder.CreateAsync(server, "app", Ct);
        using var infra = await RepoBuilder.CreateAsync(server, "infra", Ct);
        await app.WithFile("a.txt", "app").CommitAsync("app", Ct);
        await infra.WithFile("a.txt", "infra").CommitAsync("infra", Ct);
        using var harness = new GitSourcesHarness();
        var withUserInfo = app.Url.Replace("http://", "http://someone:pw-in-url@", StringComparison.Ordinal);

        await harness.Cache.SyncAsync(GitSourcesHarness.Source(app.Url, credentials: server.Credentials), null, Ct);
        await harness.Cache.SyncAsync(GitSourcesHarness.Source(infra.Url, credentials: server.Credentials), null, Ct);
        var same = await harness.Cache.SyncAsync(GitSourcesHarness.Source(withUserInfo, credentials: server.Credentials), null, Ct);

        same.Outcome.ShouldBe(SyncOutcome.Unchanged);
        var names = Directory.GetDirectories(harness.CacheRoot).Select(Path.GetFileName).ToList();
        names.Count.ShouldBe(2);
        names.ShouldAllBe(name => !name!.Contains("pw-in-url") && !name.Contains("127.0.0.1"));
    }

    [Fact]
    public async Task A_second_object_on_the_same_url_sees_the_move_that_the_first_already_fetched()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var old = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var next = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        await harness.Cache.SyncAsync(source, old, Ct);

        var second = await harness.Cache.SyncAsync(source, old, Ct);

        second.Outcome.ShouldBe(SyncOutcome.Fetched);
        second.Ref.Commit.ShouldBe(next);
        harness.Git.CountOf("fetch").ShouldBe(2, "the second object needed no fetch of its own");
    }

    [Fact]
    public async Task When_the_server_is_unreachable_the_sync_fails_as_network_and_the_last_commit_still_reads()
    {
        using var harness = new GitSourcesHarness();
        GitSource source;
        string commit;
        await using (var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct))
        {
            using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
            commit = await repo.WithFile("jobs/web.nomad.hcl", "job \"web\" {}").CommitAsync("first", Ct);
            source = GitSourcesHarness.Source(repo.Url);
            await harness.Cache.SyncAsync(source, null, Ct);
        }

        var error = await Should.ThrowAsync<GitException>(() => harness.Cache.SyncAsync(source, commit, Ct));

        error.Kind.ShouldBe(GitErrorKind.Network);
        error.Message.ShouldContain("could not be reached");
        var files = await harness.Cache.Open(source, commit).ListFilesAsync("jobs", Ct);
        files.Select(f => f.Path).ShouldBe(["jobs/web.nomad.hcl"]);
    }

    [Fact]
    public async Task A_force_push_while_the_cache_was_lost_cannot_be_told_and_is_reported_as_fetched()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        var old = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        await harness.Cache.DiscardAsync(source.Url, Ct);
        var rewritten = await repo.ForcePushAsync("rewritten", Ct);

        var result = await harness.Cache.SyncAsync(source, old, Ct);

        result.Outcome.ShouldBe(SyncOutcome.Fetched, "the old commit is gone with the cache, so nothing proves a force-push");
        result.Ref.Commit.ShouldBe(rewritten);
        result.CacheRecreated.ShouldBeTrue();
    }
}

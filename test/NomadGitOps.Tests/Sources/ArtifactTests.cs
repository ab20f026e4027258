using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Sources;

public sealed class ArtifactTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Files_under_a_path_are_listed_with_their_blob_hash_and_read_without_a_checkout()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo
            .WithFile("jobs/web.nomad.hcl", "job \"web\" {}\n")
            .WithFile("jobs/batch/report.nomad.hcl", "job \"report\" {}\n")
            .WithFile("jobsX/not-under.hcl", "no")
            .WithFile("README.md", "readme")
            .CommitAsync("jobs", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var artifact = harness.Cache.Open(source, commit);

        var files = await artifact.ListFilesAsync("./jobs/", Ct);
        var blobs = await artifact.ReadAsync(files, Ct);

        files.Select(f => f.Path).ShouldBe(["jobs/batch/report.nomad.hcl", "jobs/web.nomad.hcl"]);
        blobs.Select(b => b.Text).ShouldBe(["job \"report\" {}\n", "job \"web\" {}\n"]);
        var expectedHash = await TestGit.RunAsync(repo.BarePath, Ct, "rev-parse", $"{commit}:jobs/web.nomad.hcl");
        files[1].BlobId.ShouldBe(expectedHash);
        files[1].Size.ShouldBe(13);
        Directory.GetFiles(harness.Cache.DirectoryFor(source.Url), "*.hcl", SearchOption.AllDirectories).ShouldBeEmpty("no working copy");
    }

    [Fact]
    public async Task The_root_path_lists_every_file_and_an_earlier_commit_shows_its_own_tree()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var first = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        var second = await repo.WithFile("b.txt", "2").WithFile("a.txt", "changed").CommitAsync("second", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);

        var atFirst = await harness.Cache.Open(source, first).ListFilesAsync(".", Ct);
        var atSecond = await harness.Cache.Open(source, second).ListFilesAsync(null, Ct);

        atFirst.Select(f => f.Path).ShouldBe(["a.txt"]);
        atSecond.Select(f => f.Path).ShouldBe(["a.txt", "b.txt"]);
        atFirst[0].BlobId.ShouldNotBe(atSecond[0].BlobId);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("jobs/../../outside")]
    [InlineData("/etc")]
    public async Task A_path_escaping_the_repository_root_is_rejected(string path)
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("jobs/a.hcl", "x").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var artifact = harness.Cache.Open(source, commit);

        var listing = await Should.ThrowAsync<GitException>(() => artifact.ListFilesAsync(path, Ct));
        var reading = await Should.ThrowAsync<GitException>(() => artifact.ReadFileAsync(path + "/a.hcl", Ct));

        listing.Kind.ShouldBe(GitErrorKind.PathEscapesRepository);
        reading.Kind.ShouldBe(GitErrorKind.PathEscapesRepository);
        harness.Git.CountOf("ls-tree").ShouldBe(0);
    }

    [Fact]
    public async Task A_thousand_files_are_listed_and_read_with_two_git_processes()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        for (var i = 0; i < 1000; i++)
        {
            repo.WithFile($"jobs/d{i % 20:00}/job{i:0000}.nomad.hcl", $"job \"j{i}\" {{ count = {i} }}\n");
        }
        var commit = await repo.CommitAsync("1,000 jobs", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var artifact = harness.Cache.Open(source, commit);

        var files = await artifact.ListFilesAsync("jobs", Ct);
        var blobs = await artifact.ReadAsync(files, Ct);

        files.Count.ShouldBe(1000);
        blobs.Count.ShouldBe(1000);
        blobs.Single(b => b.File.Path == "jobs/d07/job0507.nomad.hcl").Text.ShouldBe("job \"j507\" { count = 507 }\n");
        blobs.ShouldAllBe(b => b.Content.Length == b.File.Size);
        harness.Git.CountOf("ls-tree").ShouldBe(1);
        harness.Git.CountOf("cat-file").ShouldBe(1);
    }

    [Fact]
    public async Task Reading_one_file_of_a_commit_already_read_runs_no_git_process_and_a_new_commit_reads_only_the_changed_blob()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        for (var i = 0; i < 200; i++)
        {
            repo.WithFile($"jobs/job{i:000}.hcl", $"job \"j{i}\" {{}}\n");
        }
        var first = await repo.CommitAsync("200 jobs", Ct);
        var second = await repo.WithFile("jobs/job007.hcl", "job \"j7\" { count = 2 }\n").CommitAsync("one changed", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);
        var index = harness.Cache.Open(source, first);
        await index.ReadAsync(await index.ListFilesAsync("jobs", Ct), Ct);
        var (listed, read) = (harness.Git.CountOf("ls-tree"), harness.Git.CountOf("cat-file"));

        var one = await harness.Cache.Open(source, first).ReadFileAsync("jobs/job123.hcl", Ct);

        one.Text.ShouldBe("job \"j123\" {}\n");
        harness.Git.CountOf("ls-tree").ShouldBe(listed);
        harness.Git.CountOf("cat-file").ShouldBe(read);

        var next = harness.Cache.Open(source, second);
        var blobs = await next.ReadAsync(await next.ListFilesAsync("jobs", Ct), Ct);
        var changed = await harness.Cache.Open(source, second).ReadFileAsync("jobs/job007.hcl", Ct);

        blobs.Count.ShouldBe(200);
        changed.Text.ShouldBe("job \"j7\" { count = 2 }\n");
        (await harness.Cache.Open(source, first).ReadFileAsync("jobs/job007.hcl", Ct)).Text.ShouldBe("job \"j7\" {}\n");
        harness.Git.CountOf("ls-tree").ShouldBe(listed + 1);
        harness.Git.CountOf("cat-file").ShouldBe(read + 1);
    }

    [Fact]
    public async Task Reading_a_file_that_is_not_there_names_the_file()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.File, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();
        var source = GitSourcesHarness.Source(repo.Url);
        await harness.Cache.SyncAsync(source, null, Ct);

        var error = await Should.ThrowAsync<GitException>(() => harness.Cache.Open(source, commit).ReadFileAsync("jobs/gone.hcl", Ct));

        error.Message.ShouldContain("jobs/gone.hcl");
    }
}

using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Sources;

public sealed class RefResolverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_branch_resolves_to_its_tip_with_one_ls_remote()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        var tip = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        using var harness = new GitSourcesHarness();

        var resolved = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url), Ct);

        resolved.ShouldBe(new RemoteRef("refs/heads/main", tip));
        harness.Git.CountOf("ls-remote").ShouldBe(1);
    }

    [Fact]
    public async Task An_annotated_tag_is_peeled_to_its_commit_and_a_lightweight_tag_resolves_directly()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var annotatedCommit = await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        await repo.TagAsync("v1.0.0", annotated: true, Ct);
        var lightCommit = await repo.WithFile("a.txt", "2").CommitAsync("second", Ct);
        await repo.TagAsync("light", annotated: false, Ct);
        using var harness = new GitSourcesHarness();

        var annotated = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, GitReference.Tag("v1.0.0")), Ct);
        var light = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, GitReference.Tag("light")), Ct);

        annotated.ShouldBe(new RemoteRef("refs/tags/v1.0.0", annotatedCommit));
        light.ShouldBe(new RemoteRef("refs/tags/light", lightCommit));
    }

    [Fact]
    public async Task A_semver_range_resolves_to_the_highest_matching_release_tag()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        var commits = new Dictionary<string, string>();
        foreach (var tag in new[] { "v1.2.0", "v1.10.0", "v1.11.0-rc.1", "v2.0.0" })
        {
            commits[tag] = await repo.WithFile("version", tag).CommitAsync(tag, Ct);
            await repo.TagAsync(tag, annotated: tag != "v1.2.0", Ct);
        }
        using var harness = new GitSourcesHarness();

        var resolved = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, GitReference.Semver(">=1.2.0 <2.0.0")), Ct);
        var withPreReleases = await harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, GitReference.Semver(">=1.11.0-rc.0 <2.0.0")), Ct);

        resolved.ShouldBe(new RemoteRef("refs/tags/v1.10.0", commits["v1.10.0"]));
        withPreReleases.ShouldBe(new RemoteRef("refs/tags/v1.11.0-rc.1", commits["v1.11.0-rc.1"]));
    }

    [Fact]
    public async Task A_missing_branch_tag_or_semver_match_is_a_ref_not_found_error_naming_it()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var repo = await RepoBuilder.CreateAsync(server, "app", Ct);
        await repo.WithFile("a.txt", "1").CommitAsync("first", Ct);
        using var harness = new GitSourcesHarness();

        foreach (var (selector, named) in new[] { (GitReference.Branch("nope"), "nope"), (GitReference.Tag("v9"), "v9"), (GitReference.Semver("^3"), "^3") })
        {
            var error = await Should.ThrowAsync<GitException>(() => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(repo.Url, selector), Ct));
            error.Kind.ShouldBe(GitErrorKind.RefNotFound);
            error.Message.ShouldContain(named);
        }
    }

    [Fact]
    public async Task A_repository_that_does_not_exist_is_reported_as_not_found()
    {
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        using var harness = new GitSourcesHarness();

        var error = await Should.ThrowAsync<GitException>(() => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(server.UrlFor("missing")), Ct));

        error.Kind.ShouldBe(GitErrorKind.RepositoryNotFound);
    }

    [Fact]
    public async Task A_server_that_is_down_is_a_network_error()
    {
        string url;
        await using (var server = await GitServer.StartAsync(GitServerKind.Daemon, Ct))
        {
            url = server.UrlFor("app");
        }
        using var harness = new GitSourcesHarness();

        var error = await Should.ThrowAsync<GitException>(() => harness.Resolver.ResolveAsync(GitSourcesHarness.Source(url), Ct));

        error.Kind.ShouldBe(GitErrorKind.Network);
    }
}

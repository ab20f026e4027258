using System.Runtime.Versioning;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Sources;

public sealed class CheckoutTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("checkout-repo-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("checkout-outside-").FullName;
    private readonly GitSourcesHarness _harness = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_work, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_checkout_holds_the_commits_files_with_their_modes_and_symlinks_as_git_stores_them()
    {
        await InitAsync();
        Write("jobs/web.nomad.hcl", "job \"web\" {}\n");
        Write("templates/web.conf", "port = 8080\n");
        Write("scripts/run.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(_work, "scripts/run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(_work, "jobs/web.conf"), "../templates/web.conf");
        File.CreateSymbolicLink(Path.Combine(_work, "escape"), "../../../etc/hostname");
        var commit = await CommitAsync();
        var artifact = await OpenAsync(commit);

        using var checkout = await artifact.CheckoutAsync(Ct);

        checkout.Commit.ShouldBe(commit);
        checkout.Directory.ShouldBe(Path.Combine(_harness.CacheRoot, GitUrl.Parse(_work).CacheKey() + ".checkouts", commit));
        File.ReadAllText(Path.Combine(checkout.Directory, "templates/web.conf")).ShouldBe("port = 8080\n");
        File.ReadAllText(Path.Combine(checkout.Directory, "jobs/web.nomad.hcl")).ShouldBe("job \"web\" {}\n");
        File.GetUnixFileMode(Path.Combine(checkout.Directory, "scripts/run.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        File.GetUnixFileMode(Path.Combine(checkout.Directory, "templates/web.conf")).HasFlag(UnixFileMode.UserExecute).ShouldBeFalse();
        new FileInfo(Path.Combine(checkout.Directory, "jobs/web.conf")).LinkTarget.ShouldBe("../templates/web.conf");
        File.ReadAllText(Path.Combine(checkout.Directory, "jobs/web.conf")).ShouldBe("port = 8080\n");
        new FileInfo(Path.Combine(checkout.Directory, "escape")).LinkTarget.ShouldBe("../../../etc/hostname");
        Directory.Exists(Path.Combine(checkout.Directory, ".git")).ShouldBeFalse();
        Directory.EnumerateDirectories(Path.GetDirectoryName(checkout.Directory)!).ShouldBe([checkout.Directory], "no temporary directory is left");
    }

    [Fact]
    public async Task Later_callers_of_the_same_commit_reuse_the_checkout_without_running_git_again()
    {
        await InitAsync();
        Write("a.txt", "1");
        var commit = await CommitAsync();
        var artifact = await OpenAsync(commit);

        string first;
        using (var checkout = await artifact.CheckoutAsync(Ct))
        {
            first = checkout.Directory;
        }

        using var again = await _harness.Cache.Open(GitSourcesHarness.Source(_work), commit).CheckoutAsync(Ct);

        again.Directory.ShouldBe(first);
        _harness.Git.CountOf("archive").ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_callers_of_one_commit_share_one_checkout_made_once()
    {
        await InitAsync();
        for (var i = 0; i < 50; i++)
        {
            Write($"files/{i}.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var commit = await CommitAsync();
        var artifact = await OpenAsync(commit);

        var checkouts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => artifact.CheckoutAsync(Ct), Ct)));

        checkouts.Select(c => c.Directory).Distinct().Count().ShouldBe(1);
        _harness.Git.CountOf("archive").ShouldBe(1);
        Directory.GetFiles(Path.Combine(checkouts[0].Directory, "files")).Length.ShouldBe(50);
        foreach (var checkout in checkouts)
        {
            checkout.Dispose();
        }
    }

    [Fact]
    public async Task A_checkout_of_a_newer_commit_removes_older_ones_once_nobody_uses_them()
    {
        await InitAsync();
        Write("a.txt", "1");
        var first = await CommitAsync();
        Write("a.txt", "2");
        var second = await CommitAsync();
        Write("a.txt", "3");
        var third = await CommitAsync();
        await _harness.Cache.SyncAsync(GitSourcesHarness.Source(_work), null, Ct);
        var source = GitSourcesHarness.Source(_work);

        var held = await _harness.Cache.Open(source, first).CheckoutAsync(Ct);
        using (var atSecond = await _harness.Cache.Open(source, second).CheckoutAsync(Ct))
        {
            Directory.Exists(held.Directory).ShouldBeTrue("a checkout in use is never removed");
            File.ReadAllText(Path.Combine(atSecond.Directory, "a.txt")).ShouldBe("2");
        }

        held.Dispose();
        using var atThird = await _harness.Cache.Open(source, third).CheckoutAsync(Ct);

        Directory.EnumerateDirectories(Path.GetDirectoryName(atThird.Directory)!).ShouldBe([atThird.Directory]);
        File.ReadAllText(Path.Combine(atThird.Directory, "a.txt")).ShouldBe("3");
    }

    [Fact]
    public async Task Removing_an_old_checkout_deletes_its_symlinks_not_what_they_point_to()
    {
        File.WriteAllText(Path.Combine(_outside, "keep.txt"), "keep");
        await InitAsync();
        File.CreateSymbolicLink(Path.Combine(_work, "outside"), _outside);
        var first = await CommitAsync();
        Write("a.txt", "2");
        var second = await CommitAsync();
        var source = GitSourcesHarness.Source(_work);
        await _harness.Cache.SyncAsync(source, null, Ct);
        using (var old = await _harness.Cache.Open(source, first).CheckoutAsync(Ct))
        {
            File.ReadAllText(Path.Combine(old.Directory, "outside", "keep.txt")).ShouldBe("keep");
        }

        using var current = await _harness.Cache.Open(source, second).CheckoutAsync(Ct);

        Directory.EnumerateDirectories(Path.GetDirectoryName(current.Directory)!).ShouldBe([current.Directory]);
        File.ReadAllText(Path.Combine(_outside, "keep.txt")).ShouldBe("keep");
    }

    [Fact]
    public async Task A_commit_missing_from_the_cache_is_a_corrupt_cache_error_and_leaves_no_directory()
    {
        await InitAsync();
        Write("a.txt", "1");
        var commit = await CommitAsync();
        await OpenAsync(commit);
        var missing = new string('a', 40);

        var error = await Should.ThrowAsync<GitException>(() => _harness.Cache.Open(GitSourcesHarness.Source(_work), missing).CheckoutAsync(Ct));

        error.Kind.ShouldBe(GitErrorKind.CorruptCache);
        error.Message.ShouldContain("aaaaaaaaaaaa");
        Directory.Exists(Path.Combine(CheckoutStore.RootFor(_harness.Cache.DirectoryFor(GitUrl.Parse(_work))), missing)).ShouldBeFalse();
    }

    private async Task InitAsync() => await TestGit.RunAsync(_work, Ct, "init", "--quiet", "--initial-branch=main");

    private void Write(string path, string content)
    {
        var full = Path.Combine(_work, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private async Task<string> CommitAsync()
    {
        await TestGit.RunAsync(_work, Ct, "add", "--all");
        await TestGit.RunAsync(_work, Ct, "commit", "--quiet", "-m", "change");
        return await TestGit.RunAsync(_work, Ct, "rev-parse", "HEAD");
    }

    private async Task<Artifact> OpenAsync(string commit)
    {
        var source = GitSourcesHarness.Source(_work);
        await _harness.Cache.SyncAsync(source, null, Ct);
        return _harness.Cache.Open(source, commit);
    }
}

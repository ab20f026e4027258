using System.Diagnostics;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

/// <summary>
/// The release files that no test can run here (no docker; a publish takes minutes, so .ci/run does one publish of
/// linux-x64 and runs its <c>version</c>): checked for what docs/install.md promises about them.
/// </summary>
public sealed class ReleaseFilesTests
{
    [Fact]
    public void The_Dockerfile_runs_as_a_non_root_user_with_git_and_an_ssh_client()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "Dockerfile"));

        var final = lines.SkipWhile(l => !l.StartsWith("FROM debian:", StringComparison.Ordinal)).ToList();
        final.ShouldNotBeEmpty("the runtime stage starts from a slim Debian");
        var install = final.Single(l => l.Contains("apt-get install", StringComparison.Ordinal));
        install.ShouldContain(" git ");
        install.ShouldContain(" openssh-client");
        install.ShouldContain(" ca-certificates ");
        final.Single(l => l.StartsWith("USER ", StringComparison.Ordinal)).ShouldNotContain("root");
        final.ShouldContain(l => l.StartsWith("ENTRYPOINT [\"/usr/local/bin/nomad-gitops\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_script_publishes_one_self_contained_file_per_platform_with_checksums()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "scripts", "release.sh"));

        script.ShouldContain("rids=(linux-x64 linux-arm64)");
        script.ShouldContain("--self-contained");
        script.ShouldContain("-p:PublishSingleFile=true");
        script.ShouldContain("sha256sum");
    }

    [Fact]
    public async Task Version_names_a_commit_of_this_repository()
    {
        // The commit the test assembly was built from: HEAD in CI, possibly an earlier one in a worktree built before a commit.
        var plus = BuildInfo.Version.IndexOf('+', StringComparison.Ordinal);
        plus.ShouldBeGreaterThan(0, BuildInfo.Version);
        var commit = BuildInfo.Version[(plus + 1)..];
        commit.ShouldMatch("^[0-9a-f]{7}$");
        var start = new ProcessStartInfo("git", ["-C", RepositoryRoot(), "cat-file", "-t", commit]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        var type = (await git.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim();
        await git.WaitForExitAsync(TestContext.Current.CancellationToken);

        type.ShouldBe("commit");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nomad-gitops.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no nomad-gitops.slnx above " + AppContext.BaseDirectory);
    }
}

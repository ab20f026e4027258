using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class DevCommandTests
{
    [Fact]
    public async Task Dev_once_syncs_the_sample_repository_to_an_embedded_emulator()
    {
        var repo = Path.Combine(Path.GetTempPath(), "dev-" + Guid.NewGuid().ToString("N")[..10]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        try
        {
            var exit = await NomadGitOpsCli.RunAsync(["dev", "--once", "--port", "0", "--repo-dir", repo], stdout, stderr)
                .WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

            exit.ShouldBe(ExitCodes.Ok, stdout.ToString() + stderr);
            var output = stdout.ToString();
            output.ShouldMatch(@"Nomad emulator listening on http://127\.0\.0\.1:\d+");
            output.ShouldContain("ok    Nomad at http://127.0.0.1:");
            output.ShouldContain($"Sample repository created at {repo}");
            output.ShouldContain("Registered job \"web\"");
            output.ShouldContain("Registered job \"report\"");
            output.ShouldContain("Registered job \"cleanup\"");
            output.ShouldContain("0 failed");
            Directory.Exists(Path.Combine(repo, ".git")).ShouldBeTrue();
        }
        finally
        {
            if (Directory.Exists(repo))
            {
                Directory.Delete(repo, recursive: true);
            }
        }
    }
}

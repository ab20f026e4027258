using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class DevCommandTests
{
    [Fact]
    public async Task Dev_once_starts_the_emulator_and_reaches_it()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await NomadGitOpsCli.RunAsync(["dev", "--once", "--port", "0"], stdout, stderr)
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Ok, stderr.ToString());
        stdout.ToString().ShouldMatch(@"Nomad emulator listening on http://127\.0\.0\.1:\d+");
        stdout.ToString().ShouldContain("ok    Nomad at http://127.0.0.1:");
        stdout.ToString().ShouldContain("variables under nomad-gitops/v1/ readable (0 objects)");
    }
}

using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class ObjectVerbTokenTests
{
    [Theory]
    [InlineData("get repos")]
    [InlineData("suspend repo apps")]
    [InlineData("resume repo apps")]
    [InlineData("reconcile repo apps --no-wait")]
    [InlineData("pause")]
    [InlineData("unpause")]
    public async Task A_wrong_token_fails_with_exit_1_and_names_the_token_as_the_cause(string line)
    {
        await using var cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken, new EmulatorOptions { AclEnabled = true });
        await cli.CreateRepoAsync("apps");

        var run = await cli.RunAsync([.. line.Split(' '), "--token", "00000000-0000-0000-0000-00000000dead"]);

        run.Exit.ShouldBe(ExitCodes.Failed, run.ToString());
        run.Stderr.ShouldContain("refused the token");
        (await cli.ItemsAsync(ObjectKey.GitRepository("apps"))).Keys.ShouldBe(["url"]);
    }
}

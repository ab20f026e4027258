using Microsoft.Extensions.Time.Testing;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class SuspendCommandConcurrencyTests
{
    [Fact]
    public async Task A_persons_edit_made_while_suspend_writes_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));
        await using var cli = await CliHarness.StartAsync(ct, new EmulatorOptions { TimeProvider = clock });
        await cli.CreateRepoAsync("apps", "url=https://git.example.com/apps.git\nbranch=main");
        var key = ObjectKey.GitRepository("apps");
        var held = new HeldWrite(cli.Nomad, clock, key.ToPath(ObjectKey.DefaultPrefix));
        held.Arm();

        var run = await held.EditWhileHeldAsync(cli.RunAsync("suspend", "repo", "apps"), Items.Of("url=https://git.example.com/apps.git\nbranch=release"), ct);

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        var items = await cli.ItemsAsync(key);
        items[ItemKeys.Suspend].ShouldBe("true");
        items["branch"].ShouldBe("release");
    }
}

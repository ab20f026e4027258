using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class SuspendResumeCommandTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Suspend_then_resume_of_a_job_sets_and_removes_the_item_and_keeps_the_rest()
    {
        await _cli.CreateJobAsync("batch", "report", "job_id=report\nnamespace=batch\nrepository=apps\nfile=report.hcl\nstatus_ready=True");
        var key = ObjectKey.NomadJob("batch", "report");

        var suspend = await _cli.RunAsync("suspend", "job", "batch/report");

        suspend.Exit.ShouldBe(ExitCodes.Ok, suspend.ToString());
        suspend.Stdout.ShouldContain("nomadjob/batch/report suspended.");
        (await _cli.ItemsAsync(key))[ItemKeys.Suspend].ShouldBe("true");

        var again = await _cli.RunAsync("suspend", "job", "batch/report", "-o", "json");
        again.Json["outcome"]!.GetValue<string>().ShouldBe("unchanged");

        var resume = await _cli.RunAsync("resume", "job", "batch/report", "-o", "json");

        resume.Exit.ShouldBe(ExitCodes.Ok);
        resume.Json["object"]!.GetValue<string>().ShouldBe("nomadjob/batch/report");
        resume.Json["outcome"]!.GetValue<string>().ShouldBe("written");
        var items = await _cli.ItemsAsync(key);
        items.ShouldNotContainKey(ItemKeys.Suspend);
        items["file"].ShouldBe("report.hcl");
        items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task A_missing_object_fails_with_exit_1_and_nothing_is_created(string verb)
    {
        var run = await _cli.RunAsync(verb, "repo", "ghost", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Json["outcome"]!.GetValue<string>().ShouldBe("not-found");
        (await _cli.Store.ReadAsync(ObjectKey.GitRepository("ghost"), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Pause_and_unpause_switch_the_controller_wide_pause()
    {
        var pause = await _cli.RunAsync("pause");

        pause.Exit.ShouldBe(ExitCodes.Ok, pause.ToString());
        pause.Stdout.ShouldContain("Controller paused");
        var path = ObjectKey.ControllerPath(ObjectKey.DefaultPrefix);
        (await _cli.Client.Variables.ReadAsync(path, ct: TestContext.Current.CancellationToken)).Value!.Items![ItemKeys.Suspend].ShouldBe("true");

        var unpause = await _cli.RunAsync("unpause", "-o", "json");

        unpause.Exit.ShouldBe(ExitCodes.Ok);
        unpause.Json["outcome"]!.GetValue<string>().ShouldBe("written");
        (await _cli.Client.Variables.ReadAsync(path, ct: TestContext.Current.CancellationToken)).Value.ShouldBeNull();
        (await _cli.RunAsync("unpause")).Stdout.ShouldContain("Controller was not paused.");
    }
}

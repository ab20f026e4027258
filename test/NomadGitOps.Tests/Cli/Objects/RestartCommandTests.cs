using Nomad.Client;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJob;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class RestartCommandTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Restart_rolls_every_running_allocation_in_place_keeps_the_job_version_and_records_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", count: 3)), ct: ct);
        await _cli.CreateJobAsync("default", "web", "repository=apps\nfile=web.json\nstatus_ready=True");
        var before = (await _cli.Client.Allocations.ForJobAsync("web", ct: ct)).Value;
        before.Count.ShouldBe(3);
        before.ShouldAllBe(a => a.TaskStates!.Values.All(t => t.Restarts == 0));
        var version = (await _cli.Client.Jobs.ReadAsync("web", ct: ct)).Value!["Version"]!.GetValue<ulong>();

        var run = await _cli.RunAsync("restart", "job", "default/web");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("nomadjob/default/web: restarted 3 allocations of job \"web\" (version 0) in place");
        var after = (await _cli.Client.Allocations.ForJobAsync("web", ct: ct)).Value;
        after.Select(a => a.ID).ShouldBe(before.Select(a => a.ID), ignoreOrder: true);
        foreach (var allocation in after)
        {
            run.Stdout.ShouldContain(allocation.ID);
            var task = allocation.TaskStates!.Values.Single();
            task.Restarts.ShouldBe(1UL);
            task.Events!.ShouldContain(e => e.Type == "Restart Signaled" && e.RestartReason == "User requested running tasks to restart");
        }

        (await _cli.Client.Jobs.ReadAsync("web", ct: ct)).Value!["Version"]!.GetValue<ulong>().ShouldBe(version);
        var items = await _cli.ItemsAsync(ObjectKey.NomadJob("default", "web"));
        items[ItemKeys.StatusLastRestart].ShouldBe("restarted 3 allocations of job \"web\" (version 0) in place");
        DateTimeOffset.TryParse(items[ItemKeys.StatusLastRestartAt], out _).ShouldBeTrue(items[ItemKeys.StatusLastRestartAt]);
        items["file"].ShouldBe("web.json");
        items[ItemKeys.StatusReady].ShouldBe("True");
    }

    [Fact]
    public async Task With_o_json_restart_prints_the_job_its_version_and_the_restarted_allocations()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("api", count: 2)), ct: ct);
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("api", image: "busybox:1.37", count: 2)), ct: ct);
        await _cli.CreateJobAsync("default", "api", "repository=apps\nfile=api.json");

        var run = await _cli.RunAsync("restart", "job", "api", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Json["object"]!.GetValue<string>().ShouldBe("nomadjob/default/api");
        run.Json["outcome"]!.GetValue<string>().ShouldBe("restarted");
        run.Json["version"]!.GetValue<ulong>().ShouldBe(1UL);
        run.Json["restarted"]!.AsArray().Count.ShouldBe(2);
        run.Json["at"]!.GetValue<string>().ShouldBe((await _cli.ItemsAsync(ObjectKey.NomadJob("default", "api")))[ItemKeys.StatusLastRestartAt]);
        var again = await _cli.RunAsync("restart", "job", "default/api", "-o", "json");
        again.Exit.ShouldBe(ExitCodes.Ok, again.ToString());
        var allocations = (await _cli.Client.Allocations.ForJobAsync("api", ct: ct)).Value;
        allocations.ShouldAllBe(a => a.TaskStates!.Values.Single().Restarts == 2UL);
        allocations.ShouldAllBe(a => a.JobVersion == 1UL);
    }

    [Fact]
    public async Task A_wrong_name_fails_with_exit_1_a_clear_message_and_restarts_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web")), ct: ct);

        var run = await _cli.RunAsync("restart", "job", "default/wbe");

        run.Exit.ShouldBe(ExitCodes.Failed, run.ToString());
        run.Stderr.ShouldContain("nomadjob/default/wbe does not exist");
        run.Stderr.ShouldContain("nomad-gitops get jobs");
        (await _cli.Client.Allocations.ForJobAsync("web", ct: ct)).Value.ShouldAllBe(a => a.TaskStates!.Values.All(t => t.Restarts == 0));
        var json = await _cli.RunAsync("restart", "job", "default/wbe", "-o", "json");
        json.Exit.ShouldBe(ExitCodes.Failed);
        json.Json["outcome"]!.GetValue<string>().ShouldBe("not-found");
    }

    [Fact]
    public async Task A_nomad_job_whose_job_is_not_in_nomad_fails_with_exit_1_and_records_nothing()
    {
        await _cli.CreateJobAsync("default", "later", "repository=apps\nfile=later.json");

        var run = await _cli.RunAsync("restart", "job", "later");

        run.Exit.ShouldBe(ExitCodes.Failed, run.ToString());
        run.Stderr.ShouldContain("job \"later\" is not in Nomad");
        (await _cli.ItemsAsync(ObjectKey.NomadJob("default", "later"))).ShouldNotContainKey(ItemKeys.StatusLastRestartAt);
    }
}

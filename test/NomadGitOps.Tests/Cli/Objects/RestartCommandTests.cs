using Nomad.Client;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

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

    [Fact]
    public async Task Reschedule_stops_each_running_allocation_so_the_scheduler_replaces_it_and_records_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", count: 2)), ct: ct);
        await _cli.CreateJobAsync("default", "web", "repository=apps\nfile=web.json");
        var before = (await _cli.Client.Allocations.ForJobAsync("web", ct: ct)).Value;
        _cli.Nomad.Calls.Reset();

        var run = await _cli.RunAsync("restart", "job", "default/web", "--reschedule", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Json["outcome"]!.GetValue<string>().ShouldBe("rescheduled");
        run.Json["restarted"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(before.Select(a => a.ID), ignoreOrder: true);
        _cli.Nomad.Calls.Count("POST /v1/allocation/:id/stop").ShouldBe(2);
        _cli.Nomad.Calls.Count("PUT /v1/client/allocation/:id/restart").ShouldBe(0);
        var after = (await _cli.Client.Allocations.ForJobAsync("web", all: true, ct: ct)).Value;
        var replaced = after.Where(a => before.Any(b => b.ID == a.ID)).ToList();
        replaced.ShouldAllBe(a => a.DesiredStatus == "stop" && a.NextAllocation.Length > 0);
        after.Count(a => a.IsRestartable).ShouldBe(2, "the scheduler placed a replacement for each");
        (await _cli.ItemsAsync(ObjectKey.NomadJob("default", "web")))[ItemKeys.StatusLastRestart]
            .ShouldBe("rescheduled 2 allocations of job \"web\" (version 0): stopped for the scheduler to replace");
    }

    [Fact]
    public async Task Group_and_task_restart_only_the_named_task_in_the_named_group()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = JobFiles.ServiceJob("shop", count: 1);
        var groups = job["TaskGroups"]!.AsArray();
        var web = groups[0]!.AsObject();
        web["Name"] = "web";
        var sidecar = web["Tasks"]![0]!.DeepClone().AsObject();
        sidecar["Name"] = "sidecar";
        web["Tasks"]!.AsArray().Add(sidecar);
        var worker = web.DeepClone().AsObject();
        worker["Name"] = "worker";
        groups.Add(worker);
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: ct);
        await _cli.CreateJobAsync("default", "shop", "repository=apps\nfile=shop.json");
        var mainTask = web["Tasks"]![0]!["Name"]!.GetValue<string>();

        var run = await _cli.RunAsync("restart", "job", "default/shop", "--group", "web", "--task", "sidecar");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("restarted 1 allocation of job \"shop\" (version 0) in place; group web, task sidecar");
        var allocations = (await _cli.Client.Allocations.ForJobAsync("shop", ct: ct)).Value;
        var webAlloc = allocations.Single(a => a.TaskGroup == "web");
        webAlloc.TaskStates!["sidecar"].Restarts.ShouldBe(1UL);
        webAlloc.TaskStates![mainTask].Restarts.ShouldBe(0UL);
        webAlloc.TaskStates!["sidecar"].Events!.ShouldContain(e => e.Type == "Restart Signaled" && e.RestartReason == "User requested task to restart");
        allocations.Single(a => a.TaskGroup == "worker").TaskStates!.Values.ShouldAllBe(t => t.Restarts == 0UL);
    }

    [Fact]
    public async Task A_group_with_no_allocations_restarts_nothing_and_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", count: 2)), ct: ct);
        await _cli.CreateJobAsync("default", "web", "repository=apps\nfile=web.json");
        _cli.Nomad.Calls.Reset();

        var run = await _cli.RunAsync("restart", "job", "default/web", "--group", "nope");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("no running allocations of job \"web\" (version 0) to restart; group nope");
        _cli.Nomad.Calls.Count("PUT /v1/client/allocation/:id/restart").ShouldBe(0);
    }

    [Fact]
    public async Task Reschedule_with_task_is_refused_as_nomad_refuses_it()
    {
        var run = await _cli.RunAsync("restart", "job", "default/web", "--reschedule", "--task", "main");

        run.Exit.ShouldBe(ExitCodes.Usage, run.ToString());
        run.Stderr.ShouldContain("--reschedule option cannot be used with --task");
    }

    [Fact]
    public async Task Reschedule_of_a_system_job_is_refused_and_nothing_is_stopped_or_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var job = JobFiles.ServiceJob("agent");
        job["Type"] = "system";
        var group = job["TaskGroups"]![0]!.AsObject();
        group.Remove("Migrate");
        group.Remove("ReschedulePolicy");
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: ct);
        await _cli.CreateJobAsync("default", "agent", "repository=apps\nfile=agent.json");
        _cli.Nomad.Calls.Reset();

        var run = await _cli.RunAsync("restart", "job", "default/agent", "--reschedule", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Failed, run.ToString());
        run.Json["outcome"]!.GetValue<string>().ShouldBe("refused");
        run.Json["message"]!.GetValue<string>().ShouldContain("system job");
        _cli.Nomad.Calls.Count("POST /v1/allocation/:id/stop").ShouldBe(0);
        (await _cli.ItemsAsync(ObjectKey.NomadJob("default", "agent"))).ShouldNotContainKey(ItemKeys.StatusLastRestart);
    }
}

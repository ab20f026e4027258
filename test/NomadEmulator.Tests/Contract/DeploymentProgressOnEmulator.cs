using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Nomad.Emulator.Tests.Support;

namespace Nomad.Emulator.Tests.Contract;

/// <summary>
/// How the emulator moves deployments and batch runs on its clock (emulator-only: a real cluster's progress
/// depends on its clients). Each test starts an emulator on a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class DeploymentProgressOnEmulator
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_deployment_stays_running_until_its_duration_passes_then_succeeds()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 3)), _ct);

        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        var during = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;

        during["Status"]!.GetValue<string>().ShouldBe("running");
        during["StatusDescription"]!.GetValue<string>().ShouldBe("Deployment is running");
        after["Status"]!.GetValue<string>().ShouldBe("successful");
        after["StatusDescription"]!.GetValue<string>().ShouldBe("Deployment completed successfully");
        after["TaskGroups"]!["web"]!["HealthyAllocs"]!.GetValue<int>().ShouldBe(3);
        after["ModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(during["ModifyIndex"]!.GetValue<long>());
        (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("running");
    }

    [Fact]
    public async Task A_deployment_fails_when_the_job_meta_asks_for_it()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, meta: new JsonObject { ["emulator_deployment"] = "fail" })), _ct);

        _clock.Advance(Duration);

        var deployment = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        deployment["Status"]!.GetValue<string>().ShouldBe("failed");
        deployment["StatusDescription"]!.GetValue<string>().ShouldBe("Failed due to unhealthy allocations");
        deployment["TaskGroups"]!["web"]!["UnhealthyAllocs"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task A_blocking_read_of_a_deployment_wakes_when_it_settles()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var running = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok();
        var deploymentId = running.Body["ID"]!.GetValue<string>();
        var index = running.Body["ModifyIndex"]!.GetValue<long>();

        var blocked = http.NomadGetAsync($"/v1/deployment/{deploymentId}?index={index}&wait=5m", _ct);
        _clock.Advance(Duration);
        var woken = (await blocked.WaitAsync(Patience, _ct)).Ok();

        woken.Body["Status"]!.GetValue<string>().ShouldBe("successful");
        woken.Index!.Value.ShouldBeGreaterThan(index);
    }

    [Fact]
    public async Task A_batch_job_runs_for_the_duration_then_turns_dead()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("batch");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Batch(id)), _ct);
        var before = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;

        _clock.Advance(Duration);

        var after = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        before["Status"]!.GetValue<string>().ShouldBe("running");
        after["Status"]!.GetValue<string>().ShouldBe("dead");
        after["ModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(before["ModifyIndex"]!.GetValue<long>());
        after["JobModifyIndex"]!.GetValue<long>().ShouldBe(before["JobModifyIndex"]!.GetValue<long>());
        after["Version"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task A_settled_deployment_is_not_cancelled_by_a_newer_version()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var first = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        _clock.Advance(Duration);

        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);

        (await http.NomadGetAsync($"/v1/deployment/{first["ID"]}", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("successful");
        (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("running");
    }

    [Fact]
    public async Task Stopping_a_job_cancels_its_running_deployment_and_kills_it()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var first = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;

        await http.NomadDeleteAsync($"/v1/job/{id}", _ct);
        _clock.Advance(Duration);

        first["Status"]!.GetValue<string>().ShouldBe("running");
        var after = (await http.NomadGetAsync($"/v1/deployment/{first["ID"]}", _ct)).Ok().Body;
        after["Status"]!.GetValue<string>().ShouldBe("cancelled");
        after["StatusDescription"]!.GetValue<string>().ShouldBe("Cancelled because job is stopped");
        (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("dead");
    }

    [Fact]
    public async Task A_new_version_cancels_the_running_deployment_and_only_the_new_one_settles()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var first = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        _clock.Advance(Duration / 2);

        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, count: 2)), _ct);
        _clock.Advance(Duration / 2);

        var old = (await http.NomadGetAsync($"/v1/deployment/{first["ID"]}", _ct)).Ok().Body;
        var latest = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        old["Status"]!.GetValue<string>().ShouldBe("cancelled");
        old["StatusDescription"]!.GetValue<string>().ShouldBe("Cancelled due to newer version of job");
        latest["JobVersion"]!.GetValue<long>().ShouldBe(1);
        latest["Status"]!.GetValue<string>().ShouldBe("running");
        _clock.Advance(Duration / 2);
        (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("successful");
    }

    [Fact]
    public async Task A_successful_deployment_marks_its_version_stable_without_moving_the_job_modify_index()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        var before = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;

        _clock.Advance(Duration);

        var after = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        before["Stable"]!.GetValue<bool>().ShouldBeFalse();
        after["Stable"]!.GetValue<bool>().ShouldBeTrue();
        after["Version"]!.GetValue<long>().ShouldBe(0);
        after["JobModifyIndex"]!.GetValue<long>().ShouldBe(before["JobModifyIndex"]!.GetValue<long>());
        after["ModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(before["ModifyIndex"]!.GetValue<long>());
        var versions = (await http.NomadGetAsync($"/v1/job/{id}/versions", _ct)).Ok().Body["Versions"]!.AsArray();
        versions.Single()!["Stable"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_failed_deployment_with_auto_revert_registers_the_latest_stable_version_again_as_nomad_does()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(AutoRevert(TestJobs.Service(id, count: 2))), _ct);
        _clock.Advance(Duration);
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(AutoRevert(TestJobs.Service(id, count: 3, meta: new JsonObject { ["emulator_deployment"] = "fail" }))), _ct);
        var failing = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        var failingDeployment = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;

        _clock.Advance(Duration);

        var failed = (await http.NomadGetAsync($"/v1/deployment/{failingDeployment["ID"]}", _ct)).Ok().Body;
        failed["Status"]!.GetValue<string>().ShouldBe("failed");
        failed["StatusDescription"]!.GetValue<string>().ShouldBe("Failed due to unhealthy allocations - rolling back to job version 0");
        var live = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        live["Version"]!.GetValue<long>().ShouldBe(2);
        live["Stable"]!.GetValue<bool>().ShouldBeTrue();
        live["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(2);
        live["Meta"].ShouldBeNull();
        live["JobModifyIndex"]!.GetValue<long>().ShouldBeGreaterThan(failing["JobModifyIndex"]!.GetValue<long>());
        var versions = (await http.NomadGetAsync($"/v1/job/{id}/versions", _ct)).Ok().Body["Versions"]!.AsArray();
        versions.Select(v => (v!["Version"]!.GetValue<long>(), v["Stable"]!.GetValue<bool>())).ShouldBe([(2L, true), (1L, false), (0L, true)]);
        var evaluation = (await http.NomadGetAsync($"/v1/job/{id}/evaluations", _ct)).Ok().Json!.AsArray()[0]!;
        evaluation["TriggeredBy"]!.GetValue<string>().ShouldBe("deployment-watcher");
        evaluation["DeploymentID"]!.GetValue<string>().ShouldBe(failingDeployment["ID"]!.GetValue<string>());

        var rollout = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        rollout["JobVersion"]!.GetValue<long>().ShouldBe(2);
        rollout["Status"]!.GetValue<string>().ShouldBe("running");
        _clock.Advance(Duration);
        (await http.NomadGetAsync($"/v1/deployment/{rollout["ID"]}", _ct)).Ok().Body["Status"]!.GetValue<string>().ShouldBe("successful");
        (await http.NomadGetAsync($"/v1/job/{id}/versions", _ct)).Ok().Body["Versions"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_failed_deployment_without_auto_revert_leaves_the_failed_version_running()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id)), _ct);
        _clock.Advance(Duration);
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(TestJobs.Service(id, meta: new JsonObject { ["emulator_deployment"] = "fail" })), _ct);

        _clock.Advance(Duration * 3);

        var deployment = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        deployment["StatusDescription"]!.GetValue<string>().ShouldBe("Failed due to unhealthy allocations");
        var live = (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body;
        (live["Version"]!.GetValue<long>(), live["Stable"]!.GetValue<bool>()).ShouldBe((1L, false));
    }

    [Fact]
    public async Task A_failed_first_deployment_with_auto_revert_has_no_stable_version_to_revert_to()
    {
        await using var nomad = await StartAsync();
        using var http = new HttpClient { BaseAddress = nomad.Address };
        var id = Some.Name("dep");
        await http.NomadPostAsync("/v1/jobs", TestJobs.Register(AutoRevert(TestJobs.Service(id, meta: new JsonObject { ["emulator_deployment"] = "fail" }))), _ct);

        _clock.Advance(Duration);

        var deployment = (await http.NomadGetAsync($"/v1/job/{id}/deployment", _ct)).Ok().Body;
        deployment["StatusDescription"]!.GetValue<string>().ShouldBe("Failed due to unhealthy allocations - no stable job version to auto revert to");
        (await http.NomadGetAsync($"/v1/job/{id}", _ct)).Ok().Body["Version"]!.GetValue<long>().ShouldBe(0);
    }

    private static JsonObject AutoRevert(JsonObject job)
    {
        job["Update"]!["AutoRevert"] = true;
        job["TaskGroups"]![0]!["Update"]!["AutoRevert"] = true;
        return job;
    }

    private Task<NomadEmulator> StartAsync() =>
        NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = _clock, DeploymentDuration = Duration }, _ct);
}

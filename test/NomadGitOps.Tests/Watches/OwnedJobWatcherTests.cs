using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Engine;
using NomadGitOps.Tests.Support;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Watches;

/// <summary>
/// The one blocking list of owned jobs: drift wakes exactly the NomadJob whose job moved, at once, with no clock advance
/// (the objects' interval is a minute on a fake clock that never moves here).
/// </summary>
public sealed class OwnedJobWatcherTests : EngineTestBase
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Api = ObjectKey.NomadJob("default", "api");

    [Fact]
    public async Task A_change_made_by_hand_to_an_owned_job_wakes_its_NomadJob_at_once()
    {
        var jobs = await StartWithJobsAsync(Web);

        await RegisterAsync(Owned(Web, count: 5));

        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
        jobs.CountOf(Web).ShouldBe(2);
    }

    [Fact]
    public async Task Stopping_and_then_purging_an_owned_job_each_wake_its_NomadJob()
    {
        var jobs = await StartWithJobsAsync(Web);

        await Client.Jobs.DeregisterAsync("web", purge: false, ct: ct);
        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
        await IdleAsync();

        await Client.Jobs.DeregisterAsync("web", purge: true, ct: ct);
        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
        jobs.CountOf(Web).ShouldBe(3);
    }

    [Fact]
    public async Task A_job_owned_by_another_controller_wakes_nothing_even_when_its_meta_names_our_object()
    {
        var jobs = await StartWithJobsAsync(Web, Api);

        var foreign = JobFiles.ServiceJob("intruder");
        OwnershipMeta.Apply(foreign, "someone-else", Web.ToPath(ObjectKey.DefaultPrefix), prune: false);
        await RegisterAsync(foreign);
        await RegisterAsync(Owned(Api, count: 2));

        // The queue runs one reconcile at a time in trigger order: a wake-up of web would come before api's.
        (await jobs.NextCallAsync()).Key.ShouldBe(Api);
        jobs.CountOf(Web).ShouldBe(1);
    }

    [Fact]
    public async Task An_owned_job_handed_to_another_controller_wakes_its_NomadJob_which_then_reports_the_conflict()
    {
        var jobs = await StartWithJobsAsync(Web);

        var handedOver = Owned(Web, count: 1);
        ((JsonObject)handedOver["Meta"]!)[OwnershipMeta.ManagedByKey] = "someone-else";
        await RegisterAsync(handedOver);

        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
    }

    [Fact]
    public void The_filter_quotes_the_controller_name_as_go_bexpr_reads_it() =>
        OwnedJobWatcher.FilterFor("team \"a\"").ShouldBe("Meta.gitops_managed_by == \"team \\\"a\\\"\"");

    private HostUnderTest? host;

    // Objects and their owned jobs exist first; the host starts, reconciles each once and goes idle.
    private async Task<ReconcilerDouble> StartWithJobsAsync(params ObjectKey[] keys)
    {
        foreach (var key in keys)
        {
            await PutAsync(key, ("repository", "apps"), ("file", key.Name + ".nomad.hcl"));
            await RegisterAsync(Owned(key, count: 1));
        }

        var jobs = Jobs();
        host = NewHost(HostUnderTest.Settings(leaderElection: false), null, jobs);
        host.Start();
        foreach (var _ in keys)
        {
            await jobs.NextCallAsync();
        }

        await IdleAsync();
        await OwnedJobListIsBlockingAsync();
        jobs.HasUnseenCall.ShouldBeFalse();
        return jobs;
    }

    // The watcher's first list only records what is there; a change made before it answered would be its starting
    // point, not a change. Its second list (the blocking one) has started once the first was handled.
    private async Task OwnedJobListIsBlockingAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (Nomad.Calls.Count("GET /v1/jobs") < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    private Task IdleAsync() => host.ShouldNotBeNull().IdleAsync(ControllerName.NomadJob);

    private async Task RegisterAsync(JsonObject job) =>
        await Client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: ct);

    // max_parallel 0: no deployments, whose status changes would wake the NomadJob too (through the deployment watch)
    // at moments no test here controls; these tests count the owned-job watch's wakes alone.
    private static JsonObject Owned(ObjectKey key, int count)
    {
        var job = JobFiles.ServiceJob(key.Name, count: count);
        job["Update"]!["MaxParallel"] = 0;
        foreach (var group in job["TaskGroups"]!.AsArray())
        {
            group!["Update"]!["MaxParallel"] = 0;
        }

        OwnershipMeta.Apply(job, EngineSettings.DefaultControllerName, key.ToPath(ObjectKey.DefaultPrefix), prune: false);
        return job;
    }
}

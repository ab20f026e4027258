using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Engine;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Watches;

/// <summary>
/// The one blocking list of deployments: a deployment that finishes wakes the NomadJob of its (owned) job at once, so a
/// NomadJob waiting for its release's outcome needs no look per interval.
/// </summary>
public sealed class DeploymentWatcherTests : EngineTestBase
{
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Api = ObjectKey.NomadJob("default", "api");

    [Fact]
    public async Task A_deployment_that_finishes_wakes_the_NomadJob_of_its_owned_job_and_a_foreign_jobs_wakes_nothing()
    {
        await PutAsync(Web, ("repository", "apps"), ("file", "web.nomad.hcl"));
        await PutAsync(Api, ("repository", "apps"), ("file", "api.nomad.hcl"));
        await RegisterAsync(Owned(Web));
        await RegisterAsync(JobFiles.ServiceJob("foreign"));
        var jobs = Jobs();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, jobs);
        host.Start();
        await jobs.NextCallAsync();
        await jobs.NextCallAsync();
        await host.IdleAsync(ControllerName.NomadJob);
        await DeploymentListIsBlockingAsync();
        jobs.HasUnseenCall.ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(3)); // the emulator's deployments of web and foreign succeed

        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
        await host.IdleAsync(ControllerName.NomadJob);
        (jobs.CountOf(Web), jobs.CountOf(Api)).ShouldBe((2, 1));
        var deployments = (await Client.Jobs.DeploymentsAsync("web", ct: ct)).Value;
        deployments.ShouldHaveSingleItem().Status.ShouldBe(DeploymentStatus.Successful);
    }

    // The watcher's first list only records; its second (the blocking one) has started once the first was handled.
    private async Task DeploymentListIsBlockingAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (Nomad.Calls.Count("GET /v1/deployments") < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    private async Task RegisterAsync(JsonObject job) =>
        await Client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: ct);

    private static JsonObject Owned(ObjectKey key)
    {
        var job = JobFiles.ServiceJob(key.Name);
        OwnershipMeta.Apply(job, EngineSettings.DefaultControllerName, key.ToPath(ObjectKey.DefaultPrefix), prune: false);
        return job;
    }
}

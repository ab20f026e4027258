using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJob;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// One repository served by <c>git daemon</c> on loopback, two jobs, the emulator: the life of a job from its first
/// sync to its prune, asserting on Nomad's versions and calls at every step.
/// </summary>
public sealed class NomadJobLifecycleScenario
{
    private const string Web = "jobs/web.json";
    private const string Api = "jobs/api.json";
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_jobs_sync_change_drift_and_prune_with_no_needless_version_or_write()
    {
        await using var h = await NomadJobHarness.StartAsync(ct, gitServer: GitServerKind.Daemon);

        // First sync registers both jobs, one version each.
        h.Repo.WithFile(Web, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        h.Repo.WithFile(Api, JobFiles.Bare(JobFiles.ServiceJob("api")));
        await h.PublishAsync("two jobs", ct);
        var web = await h.CreateJobObjectAsync("web", Web, ct, ("managed_by", "index"), ("prune", "true"));
        var api = await h.CreateJobObjectAsync("api", Api, ct, ("managed_by", "index"));
        await ReconcileBothAsync();
        (await h.VersionCountAsync("web", ct), await h.VersionCountAsync("api", ct)).ShouldBe((1, 1));

        // A quiet pass: no plan, no register, no variable write.
        h.Nomad.Calls.Reset();
        await ReconcileBothAsync();
        h.Nomad.Calls.CountMethod("POST").ShouldBe(0);
        h.Nomad.Calls.CountMethod("PUT").ShouldBe(0);

        // A commit changing web re-registers web only.
        h.Repo.WithFile(Web, JobFiles.Wrapped(JobFiles.ServiceJob("web", count: 3)));
        var second = await h.PublishAsync("scale web", ct);
        await ReconcileBothAsync();
        (await h.VersionCountAsync("web", ct), await h.VersionCountAsync("api", ct)).ShouldBe((2, 1));
        (await h.StatusAsync(web, ct)).Plan.ShouldBe("web: 2 create, 1 in-place");

        // A person stops api; the next pass starts it again.
        await h.Client.Jobs.DeregisterAsync("api", ct: ct);
        await ReconcileBothAsync();
        (await h.LiveJobAsync("api", ct))!["Stop"]!.GetValue<bool>().ShouldBeFalse();
        (await h.StatusAsync(api, ct)).Reason.ShouldBe(Reasons.DriftCorrected);

        // web's file goes away; with prune on the index deletes its object and web is stopped, api untouched.
        h.Repo.WithoutFile(Web);
        var third = await h.PublishAsync("drop web", ct);
        await h.DeleteObjectAsync(web, ct);
        var apiVersions = await h.VersionCountAsync("api", ct);
        (await h.ReconcileAsync(web, ct)).Reason.ShouldBe(Reasons.Pruned);
        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(api, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        // api's file did not change: no status write, which keeps the commit api last changed at.
        h.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        (await h.LiveJobAsync("web", ct))!["Stop"]!.GetValue<bool>().ShouldBeTrue();
        (await h.VersionCountAsync("api", ct)).ShouldBe(apiVersions);
        third.ShouldNotBe(second);
        (await h.StatusAsync(api, ct)).LastAppliedCommit.ShouldBe(second);

        async Task ReconcileBothAsync()
        {
            foreach (var key in new[] { web, api })
            {
                (await h.ReconcileAsync(key, ct)).ShouldNotBeOfType<ReconcileOutcome.Failed>();
            }
        }
    }
}

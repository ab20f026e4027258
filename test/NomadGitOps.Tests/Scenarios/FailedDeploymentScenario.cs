using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJob;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// Issue 9: a release whose deployment fails does not loop. The emulator rolls back as Nomad's deployment watcher does
/// (auto_revert: the latest stable version registered again as a new version); the NomadJob reports the failure and the
/// rollback, registers nothing more over many intervals, and registers again only for a fixing commit or a new
/// reconcile_requested_at. Real git (file://) and the emulator on one fake clock; deployments take 30 s.
/// </summary>
public sealed class FailedDeploymentScenario : IAsyncLifetime
{
    private const string File = "jobs/web.json";
    private const string Register = "POST /v1/jobs";
    private const int Intervals = 20;
    private static readonly TimeSpan Deployment = TimeSpan.FromSeconds(31);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private NomadJobHarness h = null!;

    public async ValueTask InitializeAsync() => h = await NomadJobHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    [Theory]
    [InlineData("without wait: the rollback moves the job, which the controller looks at", "false", false)]
    [InlineData("with wait: the controller follows the deployment", "true", false)]
    [InlineData("without wait, the owned jobs and deployments watched: the controller reads the outcome from them", "false", true)]
    public async Task A_failed_release_with_auto_revert_is_rolled_back_reported_and_not_registered_again(string because, string wait, bool watched)
    {
        h.ListsBeforeEachReconcile = watched;
        var key = await ReleaseGoodVersionAsync(autoRevert: true, wait);
        await PublishJobAsync(Failing(autoRevert: true), "break web");
        await h.ReconcileAsync(key, ct);
        (await h.VersionCountAsync("web", ct)).ShouldBe(2, because);

        h.Time.Advance(Deployment);

        // The emulator did what Nomad's deployment watcher does.
        var live = (await h.LiveJobAsync("web", ct))!;
        (live["Version"]!.GetValue<ulong>(), live["Stable"]!.GetValue<bool>()).ShouldBe((2UL, true));
        live["Meta"]!["emulator_deployment"].ShouldBeNull();
        var versions = (await h.Client.Jobs.VersionsAsync("web", ct: ct)).Value!.Versions;
        versions.Select(v => (v["Version"]!.GetValue<ulong>(), v["Stable"]!.GetValue<bool>())).ShouldBe([(2UL, true), (1UL, false), (0UL, true)]);
        var failed = (await h.Client.Jobs.DeploymentsAsync("web", ct: ct)).Value.Single(d => d.JobVersion == 1);
        (failed.Status, failed.StatusDescription).ShouldBe((DeploymentStatus.Failed, "Failed due to unhealthy allocations - rolling back to job version 0"));

        // The NomadJob reports the failure and the rollback.
        var outcome = await h.ReconcileAsync(key, ct);
        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>(because).Reason.ShouldBe(Reasons.DeploymentFailed);
        var status = await h.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.False);
        (status.DeploymentId, status.DeploymentStatus).ShouldBe((failed.ID, DeploymentStatus.Failed));
        status.Message.ShouldNotBeNull().ShouldContain("version 1");
        status.Message.ShouldContain("rolling back to job version 0");
        status.Message.ShouldContain("Nomad rolled back to version 0 (registered as version 2)");

        await NoNewVersionOverManyIntervalsAsync(key, versions: 3, because);

        await FixingCommitGivesExactlyOneNewVersionAsync(key, autoRevert: true, versions: 4, because);
    }

    [Theory]
    [InlineData("without wait: the controller looks up the deployment of its release", "false", false)]
    [InlineData("with wait: the controller follows the deployment", "true", false)]
    [InlineData("without wait, the owned jobs and deployments watched: the controller reads the outcome from them", "false", true)]
    public async Task A_failed_release_without_auto_revert_is_reported_and_not_registered_again(string because, string wait, bool watched)
    {
        h.ListsBeforeEachReconcile = watched;
        var key = await ReleaseGoodVersionAsync(autoRevert: false, wait);
        await PublishJobAsync(Failing(autoRevert: false), "break web");
        await h.ReconcileAsync(key, ct);

        h.Time.Advance(Deployment);
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>(because).Reason.ShouldBe(Reasons.DeploymentFailed);
        var live = (await h.LiveJobAsync("web", ct))!;
        (live["Version"]!.GetValue<ulong>(), live["Stable"]!.GetValue<bool>()).ShouldBe((1UL, false));
        var status = await h.StatusAsync(key, ct);
        status.DeploymentStatus.ShouldBe(DeploymentStatus.Failed);
        status.Message.ShouldNotBeNull().ShouldContain("Failed due to unhealthy allocations");

        await NoNewVersionOverManyIntervalsAsync(key, versions: 2, because);

        await FixingCommitGivesExactlyOneNewVersionAsync(key, autoRevert: false, versions: 3, because);
    }

    [Fact]
    public async Task A_new_reconcile_request_tries_the_rolled_back_release_once_more()
    {
        var key = await ReleaseGoodVersionAsync(autoRevert: true, wait: "false");
        await PublishJobAsync(Failing(autoRevert: true), "break web");
        await h.ReconcileAsync(key, ct);
        h.Time.Advance(Deployment);
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.Stalled>();
        h.Nomad.Calls.Reset();

        await RequestReconcileAsync(key, "2026-11-25T12:30:00Z");
        await h.ReconcileAsync(key, ct);

        h.Calls(Register).ShouldBe(1);
        (await h.VersionCountAsync("web", ct)).ShouldBe(4);
        (await h.StatusAsync(key, ct)).LastHandledReconcileAt.ShouldBe("2026-11-25T12:30:00Z");

        // It fails again and Nomad rolls back again; the controller reports it and stops there.
        h.Time.Advance(Deployment);
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.DeploymentFailed);
        (await h.StatusAsync(key, ct)).Message.ShouldNotBeNull().ShouldContain("Nomad rolled back to version 2 (registered as version 4)");
        await NoNewVersionOverManyIntervalsAsync(key, versions: 5, "the request was handled once");
    }

    [Fact]
    public async Task A_new_reconcile_request_without_auto_revert_plans_and_registers_nothing_nomad_would_not_roll_out()
    {
        var key = await ReleaseGoodVersionAsync(autoRevert: false, wait: "false");
        await PublishJobAsync(Failing(autoRevert: false), "break web");
        await h.ReconcileAsync(key, ct);
        h.Time.Advance(Deployment);
        await h.ReconcileAsync(key, ct);
        h.Nomad.Calls.Reset();

        await RequestReconcileAsync(key, "2026-11-25T12:30:00Z");
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Message.ShouldContain("The plan shows no change, so nothing was registered.");
        h.Calls("POST /v1/job/:id/plan").ShouldBe(1);
        h.Calls(Register).ShouldBe(0);
        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
    }

    // Version 0, healthy: registered, its deployment succeeds, so Nomad marks it stable.
    private async Task<ObjectKey> ReleaseGoodVersionAsync(bool autoRevert, string wait)
    {
        await PublishJobAsync(Healthy(autoRevert, "busybox:1.36"), "add web");
        var key = await h.CreateJobObjectAsync("web", File, ct, (ItemKeys.Wait, wait));
        await h.ReconcileAsync(key, ct);
        h.Time.Advance(Deployment);
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.LiveJobAsync("web", ct))!["Stable"]!.GetValue<bool>().ShouldBeTrue();
        return key;
    }

    private async Task NoNewVersionOverManyIntervalsAsync(ObjectKey key, int versions, string because)
    {
        h.Nomad.Calls.Reset();
        for (var i = 0; i < Intervals; i++)
        {
            h.Time.Advance(Interval);
            (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.Stalled>(because).Reason.ShouldBe(Reasons.DeploymentFailed);
        }

        h.Calls(Register).ShouldBe(0, because);
        (await h.VersionCountAsync("web", ct)).ShouldBe(versions, because);
    }

    private async Task FixingCommitGivesExactlyOneNewVersionAsync(ObjectKey key, bool autoRevert, int versions, string because)
    {
        var fix = await PublishJobAsync(Healthy(autoRevert, "busybox:1.37"), "fix web");
        h.Nomad.Calls.Reset();
        var outcome = await h.ReconcileAsync(key, ct);
        h.Time.Advance(Deployment);
        for (var i = 0; i < Intervals; i++)
        {
            outcome = await h.ReconcileAsync(key, ct);
            h.Time.Advance(Interval);
        }

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>(because);
        h.Calls(Register).ShouldBe(1, because);
        (await h.VersionCountAsync("web", ct)).ShouldBe(versions, because);
        var status = await h.StatusAsync(key, ct);
        (status.Ready, status.LastAppliedCommit, status.DeploymentStatus).ShouldBe((ReadyState.True, fix, DeploymentStatus.Successful), because);
        (await h.LiveJobAsync("web", ct))!["Stable"]!.GetValue<bool>().ShouldBeTrue(because);
    }

    private async Task<string> PublishJobAsync(JsonObject job, string message)
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(job));
        return await h.PublishAsync(message, ct);
    }

    // As `nomad-gitops reconcile` does: a new reconcile_requested_at, written with CAS.
    private async Task RequestReconcileAsync(ObjectKey key, string at)
    {
        var stored = (await h.Store.ReadAsync(key, ct))!;
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = at };
        (await h.Store.ReplaceAsync(key, items, stored.ModifyIndex, ct)).ShouldBeTrue();
    }

    private static JsonObject Healthy(bool autoRevert, string image) => WithAutoRevert(JobFiles.ServiceJob("web", image: image), autoRevert);

    // The emulator fails the deployment of a version whose meta asks for it (emulator_deployment = "fail").
    private static JsonObject Failing(bool autoRevert) =>
        WithAutoRevert(JobFiles.ServiceJob("web", image: "busybox:broken", meta: new Dictionary<string, string> { ["emulator_deployment"] = "fail" }), autoRevert);

    private static JsonObject WithAutoRevert(JsonObject job, bool autoRevert)
    {
        job["Update"]!["AutoRevert"] = autoRevert;
        job["TaskGroups"]![0]!["Update"]!["AutoRevert"] = autoRevert;
        return job;
    }
}

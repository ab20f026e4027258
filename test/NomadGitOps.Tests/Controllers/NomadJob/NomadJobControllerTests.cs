using System.Text.Json.Nodes;
using Nomad.Client;
using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJob;

public sealed class NomadJobControllerTests : IAsyncLifetime
{
    private const string File = "jobs/web.json";
    private const string Register = "POST /v1/jobs";
    private const string Plan = "POST /v1/job/:id/plan";
    private const string VariableWrite = "PUT /v1/var/:path";
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private NomadJobHarness h = null!;

    public async ValueTask InitializeAsync() => h = await NomadJobHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task First_reconcile_registers_the_job_once_with_ownership_meta_and_its_submission()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        var commit = await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
        var live = (await h.LiveJobAsync("web", ct))!;
        OwnershipMeta.Read(live, OwnershipMeta.ManagedByKey).ShouldBe("nomad-gitops");
        OwnershipMeta.Read(live, OwnershipMeta.ObjectKey).ShouldBe(key.ToPath(ObjectKey.DefaultPrefix));
        OwnershipMeta.Read(live, OwnershipMeta.PruneKey).ShouldBe("false");
        var submission = (await h.Client.Jobs.SubmissionAsync("web", 0, ct: ct)).Value.ShouldNotBeNull();
        submission.Format.ShouldBe("json");
        submission.Source.ShouldBe(JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        var status = await h.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.True);
        status.LastAppliedCommit.ShouldBe(commit);
        status.LastAttemptedCommit.ShouldBe(commit);
        status.JobVersion.ShouldBe(0UL);
        status.JobModifyIndex.ShouldBe(live["JobModifyIndex"]!.GetValue<ulong>());
        status.SpecHash.ShouldNotBeNull();
        status.Plan.ShouldBe("web: 1 create");
        status.EvalId.ShouldNotBeNull();
        status.Message.ShouldNotBeNull().ShouldContain(commit[..12]);
    }

    [Fact]
    public async Task A_status_write_Nomad_refuses_is_a_failure_with_its_retry_time_not_an_exception()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/", Status = 500, Body = "rpc error: raft apply failed", Times = 1 });

        var outcome = await h.ReconcileAsync(key, ct);

        var failed = outcome.ShouldBeOfType<ReconcileOutcome.Failed>();
        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.Message.ShouldContain("writing its status");
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task An_object_Nomad_cannot_read_is_a_failure_with_its_retry_time_not_an_exception()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/", Status = 500, Body = "rpc error: no leader", Times = 1 });

        var outcome = await h.ReconcileAsync(key, ct);

        var failed = outcome.ShouldBeOfType<ReconcileOutcome.Failed>();
        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(BackoffOptions.Default.Min);
        h.Calls(Register).ShouldBe(0);
    }

    [Fact]
    public async Task Second_reconcile_with_nothing_changed_plans_registers_and_writes_nothing()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls(Plan).ShouldBe(0);
        h.Calls(Register).ShouldBe(0);
        h.Calls(VariableWrite).ShouldBe(0);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_reconcile_request_plans_an_unchanged_job_once_registers_nothing_and_is_recorded()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);
        h.Nomad.Calls.Reset();

        await RequestReconcileAsync(key, "2026-11-25T12:00:05Z");
        var outcome = await h.ReconcileAsync(key, ct);
        var again = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        again.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls(Plan).ShouldBe(1);
        h.Calls(Register).ShouldBe(0);
        (await h.StatusAsync(key, ct)).LastHandledReconcileAt.ShouldBe("2026-11-25T12:00:05Z");
    }

    [Fact]
    public async Task A_new_reconcile_request_registers_a_change_that_hash_and_index_did_not_show()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);
        // The live job changed, but the stored status says we applied that index (a status restored from a backup, say).
        await DriftAsync("change");
        var stored = (await h.Store.ReadAsync(key, ct))!;
        var liveIndex = (await h.LiveJobAsync("web", ct))!["JobModifyIndex"]!.GetValue<ulong>();
        await h.Store.WriteStatusAsync(stored, ItemCodec.Encode(ItemCodec.DecodeNomadJobStatus(stored.Items) with { JobModifyIndex = liveIndex }), ct);
        h.Nomad.Calls.Reset();
        await h.ReconcileAsync(key, ct);
        h.Calls(Plan).ShouldBe(0);

        await RequestReconcileAsync(key, "2026-11-25T12:00:05Z");
        await h.ReconcileAsync(key, ct);

        h.Calls(Plan).ShouldBe(1);
        h.Calls(Register).ShouldBe(1);
        (await h.VersionCountAsync("web", ct)).ShouldBe(3);
        (await h.LiveJobAsync("web", ct))!["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("busybox:1.36");
        (await h.StatusAsync(key, ct)).LastHandledReconcileAt.ShouldBe("2026-11-25T12:00:05Z");
    }

    [Fact]
    public async Task A_changed_job_file_registers_a_new_version()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);

        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", image: "busybox:1.37")));
        var commit = await h.PublishAsync("new image", ct);
        await h.ReconcileAsync(key, ct);

        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
        var status = await h.StatusAsync(key, ct);
        status.JobVersion.ShouldBe(1UL);
        status.LastAppliedCommit.ShouldBe(commit);
        status.Plan.ShouldBe("web: 1 destructive");
    }

    [Fact]
    public async Task A_commit_touching_another_file_makes_no_new_version_no_plan_and_no_status_write()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        var first = await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);

        h.Repo.WithFile("README.md", "docs only");
        var commit = await h.PublishAsync("docs", ct);
        h.Nomad.Calls.Reset();
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls(Plan).ShouldBe(0);
        h.Calls(Register).ShouldBe(0);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
        // The status keeps naming the commit the job last changed at: no write for a commit that left it alone.
        h.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        commit.ShouldNotBe(first);
        (await h.StatusAsync(key, ct)).LastAttemptedCommit.ShouldBe(first);
    }

    [Fact]
    public async Task A_bare_json_job_file_registers_like_the_wrapped_form()
    {
        h.Repo.WithFile("jobs/api.json", JobFiles.Bare(JobFiles.ServiceJob("api")));
        await h.PublishAsync("add api", ct);
        var key = await h.CreateJobObjectAsync("api", "jobs/api.json", ct);

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (await h.VersionCountAsync("api", ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData("a person changed the job", "change")]
    [InlineData("a person stopped the job", "stop")]
    [InlineData("a person purged the job", "purge")]
    public async Task Drift_is_corrected_by_registering_the_job_from_git_again(string because, string action)
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ReconcileAsync(key, ct);

        await DriftAsync(action);
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>(because).Reason.ShouldBe(Reasons.DriftCorrected);
        var live = (await h.LiveJobAsync("web", ct)).ShouldNotBeNull();
        live["Stop"]!.GetValue<bool>().ShouldBeFalse();
        live["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("busybox:1.36");
        var status = await h.StatusAsync(key, ct);
        status.JobModifyIndex.ShouldBe(live["JobModifyIndex"]!.GetValue<ulong>());
        status.Drift.ShouldBeNull();
        status.Message.ShouldNotBeNull().ShouldContain("outside nomad-gitops");

        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls(Register).ShouldBe(0);
    }

    [Fact]
    public async Task Drift_is_reported_not_corrected_when_correct_drift_is_false()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("correct_drift", "false"));
        await h.ReconcileAsync(key, ct);
        await DriftAsync("change");
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.DriftDetected);
        h.Calls(Register).ShouldBe(0);
        h.Calls(Plan).ShouldBe(0);
        var status = await h.StatusAsync(key, ct);
        status.Drift.ShouldNotBeNull().ShouldContain("changed outside nomad-gitops");
        status.Ready.ShouldBe(ReadyState.False);
        (await h.LiveJobAsync("web", ct))!["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("busybox:manual");
    }

    [Fact]
    public async Task Preserve_counts_keeps_a_count_scaled_outside_and_registers_nothing_for_it()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", count: 1)));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("preserve_counts", "true"));
        await h.ReconcileAsync(key, ct);
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(WithOwnMeta(JobFiles.ServiceJob("web", count: 5), key)), ct: ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        h.Calls(Register).ShouldBe(0);
        (await h.LiveJobAsync("web", ct))!["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(5);
        (await h.StatusAsync(key, ct)).Plan.ShouldNotBeNull().ShouldStartWith("no changes");
    }

    [Fact]
    public async Task A_job_changed_between_plan_and_register_is_planned_again()
    {
        NomadJobHarness? racing = null;
        var key = ObjectKey.NomadJob("default", "web");
        // Someone registers a change after our plan and before our register: the first register meets a stale index.
        var someoneElse = new BeforeFirstRegisterHandler(async c =>
            await racing!.Client.Jobs.RegisterAsync(new JobRegisterRequest(WithOwnMeta(JobFiles.ServiceJob("web", image: "busybox:manual"), key)), ct: c));
        racing = await NomadJobHarness.StartAsync(ct, handler: someoneElse);
        await using var disposeRacing = racing;
        await racing.Client.Jobs.RegisterAsync(new JobRegisterRequest(WithOwnMeta(JobFiles.ServiceJob("web"), key)), ct: ct);
        racing.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", image: "busybox:1.37")));
        await racing.PublishAsync("new image", ct);
        await racing.CreateJobObjectAsync("web", File, ct);
        racing.Nomad.Calls.Reset();

        var outcome = await racing.ReconcileAsync(key, ct);

        someoneElse.Fired.ShouldBeTrue();
        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        racing.Calls(Plan).ShouldBe(2);
        racing.Calls(Register).ShouldBe(3); // someone else's, our refused one, our second
        (await racing.VersionCountAsync("web", ct)).ShouldBe(3);
        var live = (await racing.LiveJobAsync("web", ct))!;
        live["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>().ShouldBe("busybox:1.37");
        (await racing.StatusAsync(key, ct)).JobModifyIndex.ShouldBe(live["JobModifyIndex"]!.GetValue<ulong>());
    }

    [Fact]
    public async Task A_job_nomad_refuses_gets_nomads_error_in_status_and_other_objects_still_sync()
    {
        var invalid = JobFiles.ServiceJob("bad");
        invalid["Priority"] = 500;
        h.Repo.WithFile("jobs/bad.json", JobFiles.Wrapped(invalid));
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("two jobs", ct);
        var bad = await h.CreateJobObjectAsync("bad", "jobs/bad.json", ct);
        var good = await h.CreateJobObjectAsync("web", File, ct);

        var badOutcome = await h.ReconcileAsync(bad, ct);
        var goodOutcome = await h.ReconcileAsync(good, ct);

        badOutcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.PlanFailed);
        var status = await h.StatusAsync(bad, ct);
        status.Ready.ShouldBe(ReadyState.False);
        status.Message.ShouldNotBeNull().ShouldContain("job priority must be between [1, 100]");
        status.Message.ShouldContain("jobs/bad.json");
        goodOutcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.VersionCountAsync("bad", ct)).ShouldBe(0);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Nomad_without_a_leader_fails_the_reconcile_with_a_backoff_and_the_next_one_recovers()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/job/web/plan", Kind = FaultKind.NoLeader, Times = 1 });

        var failed = await h.ReconcileAsync(key, ct);

        var retry = failed.ShouldBeOfType<ReconcileOutcome.Failed>().RetryAfter.ShouldNotBeNull();
        var status = await h.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.False);
        status.ConsecutiveFailures.ShouldBe(1);
        status.NextAttemptAt.ShouldNotBeNull().ShouldBeGreaterThan(h.Time.GetUtcNow());

        // The engine retries exactly when the status says (it takes the controller's draw, not one of its own).
        failed.RequeueAfter(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)).ShouldBe(retry);
        status.NextAttemptAt.ShouldNotBeNull().ShouldBe(h.Time.GetUtcNow() + retry, TimeSpan.FromSeconds(1)); // stored in whole seconds
        status.Message.ShouldNotBeNull().ShouldContain("No cluster leader");
        (await h.LiveJobAsync("web", ct)).ShouldBeNull();

        var recovered = await h.ReconcileAsync(key, ct);

        recovered.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        status = await h.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.True);
        status.ConsecutiveFailures.ShouldBe(0);
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_malformed_json_file_is_a_render_failure_naming_the_file()
    {
        h.Repo.WithFile(File, "{ \"Job\": { \"ID\": ");
        await h.PublishAsync("broken", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.RenderFailed);
        (await h.StatusAsync(key, ct)).Message.ShouldNotBeNull().ShouldContain(File);
        h.Calls(Plan).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_defining_another_job_id_is_refused()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("other")));
        await h.PublishAsync("mismatch", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Message.ShouldContain("defines job \"other\"");
        (await h.VersionCountAsync("other", ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_repository_without_a_commit_makes_the_job_wait()
    {
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.Store.CreateAsync(ObjectKey.GitRepository(NomadJobHarness.RepositoryName), new Dictionary<string, string> { ["url"] = h.Repo.Url }, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Waiting>().Reason.ShouldBe(Reasons.DependencyNotReady);
        (await h.StatusAsync(key, ct)).Ready.ShouldBe(ReadyState.Unknown);
    }

    [Fact]
    public async Task Wait_follows_the_deployment_until_it_succeeds()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "true"));

        var first = await h.ReconcileAsync(key, ct);
        first.ShouldBeOfType<ReconcileOutcome.Waiting>().Reason.ShouldBe(Reasons.Progressing);
        (await h.StatusAsync(key, ct)).DeploymentStatus.ShouldBe(DeploymentStatus.Running);
        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.Waiting>();
        h.Calls(VariableWrite).ShouldBe(0);

        h.Time.Advance(TimeSpan.FromSeconds(31));
        var done = await h.ReconcileAsync(key, ct);

        done.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        var status = await h.StatusAsync(key, ct);
        status.DeploymentStatus.ShouldBe(DeploymentStatus.Successful);
        status.DeploymentId.ShouldNotBeNull();
        status.Ready.ShouldBe(ReadyState.True);
        h.Calls(Register).ShouldBe(0);
    }

    [Fact]
    public async Task Wait_reports_a_failed_deployment()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", meta: new Dictionary<string, string> { ["emulator_deployment"] = "fail" })));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "true"));
        await h.ReconcileAsync(key, ct);

        h.Time.Advance(TimeSpan.FromSeconds(31));
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.DeploymentFailed);
        var status = await h.StatusAsync(key, ct);
        status.DeploymentStatus.ShouldBe(DeploymentStatus.Failed);
        status.Message.ShouldNotBeNull().ShouldContain("Failed due to unhealthy allocations");
    }

    [Fact]
    public async Task Wait_gives_up_after_wait_timeout()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "true"), ("wait_timeout", "10s"));
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.Waiting>().After.ShouldBe(TimeSpan.FromSeconds(10));

        h.Time.Advance(TimeSpan.FromSeconds(11));
        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Message.ShouldContain("wait_timeout");
    }

    [Fact]
    public async Task Wait_does_not_follow_a_job_without_an_update_strategy()
    {
        var job = JobFiles.ServiceJob("web");
        job["Update"]!["MaxParallel"] = 0;
        job["TaskGroups"]![0]!["Update"]!["MaxParallel"] = 0;
        h.Repo.WithFile(File, JobFiles.Wrapped(job));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "true"));

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls("GET /v1/job/:id/deployment").ShouldBe(0);
    }

    [Fact]
    public async Task An_orphan_without_prune_keeps_running_is_no_longer_applied_and_says_so()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("managed_by", "index"));
        await h.ReconcileAsync(key, ct);
        h.Repo.WithoutFile(File);
        await h.PublishAsync("remove web", ct);
        await h.MarkOrphanedAsync(key, ct);
        await h.Client.Jobs.DeregisterAsync("web", ct: ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Orphaned);
        h.Calls(Plan).ShouldBe(0);
        h.Calls(Register).ShouldBe(0);
        (await h.StatusAsync(key, ct)).Message.ShouldNotBeNull().ShouldContain("keeps running unmanaged");
        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(key, ct)).Reason.ShouldBe(Reasons.Orphaned);
        h.Calls(VariableWrite).ShouldBe(0);
    }

    [Fact]
    public async Task An_orphan_whose_prune_is_turned_on_stops_our_job()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("managed_by", "index"), ("prune", "true"));
        await h.ReconcileAsync(key, ct);
        await h.MarkOrphanedAsync(key, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Pruned);
        (await h.LiveJobAsync("web", ct))!["Stop"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Prune_leaves_a_job_whose_meta_names_another_owner_and_reports_it()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("managed_by", "index"), ("prune", "true"));
        await h.ReconcileAsync(key, ct);
        // Someone else took the job over.
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", meta: new Dictionary<string, string> { ["gitops_managed_by"] = "someone-else" })), ct: ct);
        await h.MarkOrphanedAsync(key, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.NotOwned);
        (await h.LiveJobAsync("web", ct))!["Stop"]!.GetValue<bool>().ShouldBeFalse();
        (await h.StatusAsync(key, ct)).Message.ShouldNotBeNull().ShouldContain("someone-else");
    }

    [Fact]
    public async Task A_deleted_object_whose_job_names_another_owner_leaves_the_job_alone()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("prune", "true"));
        await h.ReconcileAsync(key, ct);
        var theirs = JobFiles.ServiceJob("web");
        OwnershipMeta.Apply(theirs, "other-cluster", key.ToPath(ObjectKey.DefaultPrefix), prune: true);
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(theirs), ct: ct);
        await h.DeleteObjectAsync(key, ct);

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (await h.LiveJobAsync("web", ct))!["Stop"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_deleted_object_with_prune_stops_only_its_own_job()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        h.Repo.WithFile("jobs/api.json", JobFiles.Wrapped(JobFiles.ServiceJob("api")));
        await h.PublishAsync("two jobs", ct);
        var web = await h.CreateJobObjectAsync("web", File, ct, ("prune", "true"));
        var api = await h.CreateJobObjectAsync("api", "jobs/api.json", ct);
        await h.ReconcileAsync(web, ct);
        await h.ReconcileAsync(api, ct);

        foreach (var key in new[] { web, api })
        {
            await h.DeleteObjectAsync(key, ct);
            (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        }

        (await h.LiveJobAsync("web", ct))!["Stop"]!.GetValue<bool>().ShouldBeTrue();
        (await h.LiveJobAsync("api", ct))!["Stop"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_live_job_of_another_controller_is_not_taken_over()
    {
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", meta: new Dictionary<string, string> { ["gitops_managed_by"] = "other-cluster" })), ct: ct);
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        outcome.Message.ShouldContain("other-cluster");
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_live_job_without_ownership_meta_is_adopted()
    {
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web")), ct: ct);
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
        OwnershipMeta.Read(await h.LiveJobAsync("web", ct), OwnershipMeta.ObjectKey).ShouldBe(key.ToPath(ObjectKey.DefaultPrefix));
    }

    [Fact]
    public async Task Nomad_unavailable_is_a_transient_failure_with_backoff_and_the_next_pass_recovers()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "POST", PathPrefix = "/v1/job/web/plan", Status = 503, Body = "No cluster leader", Times = 1 });

        var failed = await h.ReconcileAsync(key, ct);

        failed.ShouldBeOfType<ReconcileOutcome.Failed>().Reason.ShouldBe(Reasons.NomadUnavailable);
        var status = await h.StatusAsync(key, ct);
        (status.Ready, status.ConsecutiveFailures).ShouldBe((ReadyState.False, 1));
        status.NextAttemptAt.ShouldNotBeNull().ShouldBeGreaterThan(h.Time.GetUtcNow());
        (await h.VersionCountAsync("web", ct)).ShouldBe(0);

        var recovered = await h.ReconcileAsync(key, ct);

        recovered.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        status = await h.StatusAsync(key, ct);
        (status.Ready, status.ConsecutiveFailures, status.NextAttemptAt).ShouldBe((ReadyState.True, 0, (DateTimeOffset?)null));
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_var_file_is_a_render_failure_naming_it()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("var_files", "vars/prod.hcl"));

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.RenderFailed);
        outcome.Message.ShouldContain("vars/prod.hcl");
        h.Calls(Plan).ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_object_is_stalled_with_every_problem_and_touches_no_job()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "yes"), ("brnach", "main"));

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.InvalidSpec);
        var status = await h.StatusAsync(key, ct);
        status.Message.ShouldNotBeNull().ShouldContain("\"wait\"");
        status.Message.ShouldContain("\"brnach\"");
        h.Calls("GET /v1/job/:id").ShouldBe(0);
    }

    [Fact]
    public async Task A_suspended_object_is_not_reconciled()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("suspend", "true"));

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.Reason.ShouldBe(Reasons.Suspended);
        (await h.VersionCountAsync("web", ct)).ShouldBe(0);
    }

    // As `nomad-gitops reconcile` does: a new reconcile_requested_at, written with CAS.
    private async Task RequestReconcileAsync(ObjectKey key, string at)
    {
        var stored = (await h.Store.ReadAsync(key, ct))!;
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = at };
        (await h.Store.ReplaceAsync(key, items, stored.ModifyIndex, ct)).ShouldBeTrue();
    }

    private async Task DriftAsync(string action)
    {
        var key = ObjectKey.NomadJob("default", "web");
        switch (action)
        {
            case "change":
                await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(WithOwnMeta(JobFiles.ServiceJob("web", image: "busybox:manual"), key)), ct: ct);
                break;
            case "stop":
                await h.Client.Jobs.DeregisterAsync("web", purge: false, ct: ct);
                break;
            default:
                await h.Client.Jobs.DeregisterAsync("web", purge: true, ct: ct);
                break;
        }
    }

    private static JsonObject WithOwnMeta(JsonObject job, ObjectKey key)
    {
        OwnershipMeta.Apply(job, "nomad-gitops", key.ToPath(ObjectKey.DefaultPrefix), prune: false);
        return job;
    }
}

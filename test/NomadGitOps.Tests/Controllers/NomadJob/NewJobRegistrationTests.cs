using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJob;

/// <summary>
/// A job the controller never applied and that the current owned-job list does not show is registered "only if it does
/// not exist" (EnforceIndex with JobModifyIndex 0), with no read and no plan; a job that does exist is then read, and
/// refused or adopted as before.
/// </summary>
public sealed class NewJobRegistrationTests : IAsyncLifetime
{
    private const string File = "jobs/web.json";
    private const string Register = "POST /v1/jobs";
    private const string Plan = "POST /v1/job/:id/plan";
    private const string Read = "GET /v1/job/:id";
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private NomadJobHarness h = null!;

    public async ValueTask InitializeAsync() => h = await NomadJobHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task With_the_owned_job_list_current_a_new_job_is_registered_without_a_read_or_a_plan()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", count: 2)));
        var commit = await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((0L, 0L, 1L));
        var live = (await h.LiveJobAsync("web", ct))!;
        OwnershipMeta.Read(live, OwnershipMeta.ObjectKey).ShouldBe(key.ToPath(ObjectKey.DefaultPrefix));
        (await h.Client.Jobs.SubmissionAsync("web", 0, ct: ct)).Value.ShouldNotBeNull().Source.ShouldBe(JobFiles.Wrapped(JobFiles.ServiceJob("web", count: 2)));
        var status = await h.StatusAsync(key, ct);
        (status.JobModifyIndex, status.JobVersion).ShouldBe((live["JobModifyIndex"]!.GetValue<ulong>(), live["Version"]!.GetValue<ulong>()));
        (status.Ready, status.LastAppliedCommit).ShouldBe((ReadyState.True, commit));
        status.SpecHash.ShouldNotBeNull();
        status.Plan.ShouldBe("web: 2 create", "what the scheduler places for a new service job");
        status.EvalId.ShouldNotBeNull();
        status.Message.ShouldNotBeNull().ShouldContain("web: 2 create");
    }

    [Fact]
    public async Task The_new_job_is_in_the_owned_job_list_as_registered_so_the_next_reconcile_asks_Nomad_nothing_about_it()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ListOwnedJobsAsync(ct);
        await h.ReconcileAsync(key, ct);
        (await h.ListOwnedJobsAsync(ct)).ShouldBeEmpty("the register is no move");
        await h.ListDeploymentsAsync(ct);
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        var calls = h.Nomad.Calls.Snapshot();
        calls.Keys.ShouldBe(["GET /v1/var/:path"], "no job read, plan or register: only the object and its repository, which the engine's object cache answers");
    }

    [Fact]
    public async Task With_the_owned_job_list_current_a_live_job_of_another_controller_is_found_by_the_register_and_not_taken_over()
    {
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", meta: new Dictionary<string, string> { ["gitops_managed_by"] = "other-cluster" })), ct: ct);
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        (await h.ListOwnedJobsAsync(ct)).ShouldBeEmpty("the job is another controller's");
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        outcome.Message.ShouldContain("other-cluster");
        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((1L, 0L, 1L), "one register refused by its enforced index, then one read");
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
        OwnershipMeta.Read(await h.LiveJobAsync("web", ct), OwnershipMeta.ManagedByKey).ShouldBe("other-cluster");
    }

    [Fact]
    public async Task A_job_of_another_object_made_after_the_owned_job_list_was_taken_is_found_by_the_register_and_not_taken_over()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ListOwnedJobsAsync(ct);
        var meta = new Dictionary<string, string> { ["gitops_managed_by"] = "nomad-gitops", ["gitops_object"] = "nomad-gitops/v1/nomadjob/default/other" };
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", meta: meta)), ct: ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.Conflict);
        outcome.Message.ShouldContain("nomadjob/default/other");
        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((1L, 0L, 1L));
        (await h.VersionCountAsync("web", ct)).ShouldBe(1);
    }

    [Fact]
    public async Task With_the_owned_job_list_current_a_live_job_without_ownership_meta_is_read_after_the_refused_register_planned_and_adopted()
    {
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web", count: 2)), ct: ct);
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("preserve_counts", "true"));
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);

        (h.Calls(Plan), h.Calls(Register)).ShouldBe((1L, 2L), "the refused register, then plan and register against the live job");
        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
        var live = (await h.LiveJobAsync("web", ct))!;
        OwnershipMeta.Read(live, OwnershipMeta.ObjectKey).ShouldBe(key.ToPath(ObjectKey.DefaultPrefix));
        live["TaskGroups"]![0]!["Count"]!.GetValue<int>().ShouldBe(2, "preserve_counts keeps the live count, read before the plan");
        var status = await h.StatusAsync(key, ct);
        (status.JobModifyIndex, status.JobVersion).ShouldBe((live["JobModifyIndex"]!.GetValue<ulong>(), live["Version"]!.GetValue<ulong>()));
        status.Plan.ShouldNotBeNull().ShouldNotContain("create", customMessage: "the plan against the live job: an in-place change of its meta");
    }

    [Fact]
    public async Task With_the_owned_job_list_current_a_new_job_Nomad_refuses_is_stalled_with_its_text_as_a_refused_plan_would_be()
    {
        var invalid = JobFiles.ServiceJob("web");
        invalid["Priority"] = 500;
        h.Repo.WithFile(File, JobFiles.Wrapped(invalid));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.PlanFailed);
        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((0L, 0L, 1L));
        (await h.VersionCountAsync("web", ct)).ShouldBe(0);
        var status = await h.StatusAsync(key, ct);
        status.Ready.ShouldBe(ReadyState.False);
        status.Message.ShouldNotBeNull().ShouldContain("job priority must be between [1, 100]");
        status.Message.ShouldContain(File);
    }

    [Fact]
    public async Task With_the_owned_job_list_current_a_new_job_with_wait_is_registered_and_its_deployment_followed()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct, ("wait", "true"));
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();

        var first = await h.ReconcileAsync(key, ct);

        first.ShouldBeOfType<ReconcileOutcome.Waiting>().Reason.ShouldBe(Reasons.Progressing);
        (h.Calls(Plan), h.Calls(Register)).ShouldBe((0L, 1L));
        (await h.StatusAsync(key, ct)).DeploymentStatus.ShouldBe(DeploymentStatus.Running);

        h.Time.Advance(TimeSpan.FromSeconds(31));
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        var status = await h.StatusAsync(key, ct);
        (status.Ready, status.DeploymentStatus, status.JobVersion).ShouldBe((ReadyState.True, DeploymentStatus.Successful, 0UL));
        h.Calls(Register).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_periodic_job_has_the_same_plan_summary_registered_without_a_plan_as_after_its_plan()
    {
        var cleanup = await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "jobs", "cleanup.nomad.hcl"), ct);
        h.Repo.WithFile("jobs/a.nomad.hcl", cleanup.Replace("job \"cleanup\"", "job \"cleanup-a\"", StringComparison.Ordinal))
            .WithFile("jobs/b.nomad.hcl", cleanup.Replace("job \"cleanup\"", "job \"cleanup-b\"", StringComparison.Ordinal));
        await h.PublishAsync("two periodic jobs", ct);
        var planned = await h.CreateJobObjectAsync("cleanup-a", "jobs/a.nomad.hcl", ct);
        var unplanned = await h.CreateJobObjectAsync("cleanup-b", "jobs/b.nomad.hcl", ct);

        // Before the owned-job list is current the new job is read and planned; after it, only registered.
        (await h.ReconcileAsync(planned, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls(Plan).ShouldBe(1);
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(unplanned, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((0L, 0L, 1L));

        (await h.StatusAsync(planned, ct)).Plan.ShouldBe("cleanup: 1 create", "the plan's answer for a new periodic job");
        (await h.StatusAsync(unplanned, ct)).Plan.ShouldBe("cleanup: 1 create", "the same summary without the plan");
    }

    [Fact]
    public async Task Without_a_current_owned_job_list_a_new_job_is_read_and_planned_before_its_register()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (h.Calls(Read), h.Calls(Plan), h.Calls(Register)).ShouldBe((1L, 1L, 1L));
    }
}

using System.Text.Json.Nodes;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJob;

/// <summary>
/// With the owned-job list current, a NomadJob whose commit, spec and job are as last applied is up to date with no
/// Nomad call but the reads of its own and its repository's variables (which the engine's object cache answers).
/// </summary>
public sealed class UnchangedJobTests : IAsyncLifetime
{
    private const string File = "jobs/web.json";
    private const string VariableRead = "GET /v1/var/:path";
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private NomadJobHarness h = null!;

    public async ValueTask InitializeAsync() => h = await NomadJobHarness.StartAsync(ct);

    public async ValueTask DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_quiet_reconcile_with_the_owned_job_list_current_asks_Nomad_nothing_about_jobs()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);
        h.Time.Advance(TimeSpan.FromSeconds(31)); // the emulator's deployment succeeds
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>(); // learns the deployment's outcome
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        var calls = h.Nomad.Calls.Snapshot();
        calls.Keys.ShouldBe([VariableRead]);
        calls[VariableRead].ShouldBe(2, "the object and its repository; the engine's object cache answers both");
    }

    [Fact]
    public async Task A_release_whose_deployment_outcome_is_not_known_yet_is_looked_at_once_then_skipped()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls("GET /v1/job/:id/deployments").ShouldBe(1, "a failure without auto_revert moves no JobModifyIndex: only this lookup finds it");
        h.Time.Advance(TimeSpan.FromSeconds(31)); // the emulator's deployment succeeds
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls("GET /v1/job/:id/deployments").ShouldBe(2, "still running at the first look; the second records its success");
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Calls("GET /v1/job/:id/deployments").ShouldBe(0);
        h.Calls("GET /v1/job/:id").ShouldBe(0);
    }

    [Fact]
    public async Task With_the_deployment_list_current_a_release_awaiting_its_deployment_asks_Nomad_nothing_and_records_its_success_once()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);
        (await h.ListDeploymentsAsync(ct)).ShouldBeEmpty("the running deployment is nothing to look at");
        h.Nomad.Calls.Reset();

        for (var interval = 0; interval < 3; interval++)
        {
            (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        }

        h.Nomad.Calls.Snapshot().Keys.ShouldBe([VariableRead], "no job read, no deployment lookup, no status write while the deployment runs");
        (await h.StatusAsync(key, ct)).DeploymentStatus.ShouldBeNull();

        h.Time.Advance(TimeSpan.FromSeconds(31)); // the emulator's deployment succeeds
        var changed = await h.ListDeploymentsAsync(ct);
        changed.ShouldHaveSingleItem().Status.ShouldBe(DeploymentStatus.Successful);
        h.Nomad.Calls.Reset();
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.Succeeded);
        var status = await h.StatusAsync(key, ct);
        status.DeploymentStatus.ShouldBe(DeploymentStatus.Successful);
        status.DeploymentId.ShouldBe(changed[0].ID);
        h.Calls("GET /v1/job/:id").ShouldBe(0);
        h.Calls("GET /v1/job/:id/deployments").ShouldBe(0);
        h.Nomad.Calls.CountMethod("PUT").ShouldBe(1, "the outcome is written once");
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Nomad.Calls.Snapshot().Keys.ShouldBe([VariableRead]);
    }

    [Fact]
    public async Task With_the_deployment_list_current_a_failed_release_without_auto_revert_is_reported()
    {
        var failing = JobFiles.ServiceJob("web", meta: new Dictionary<string, string> { ["emulator_deployment"] = "fail" });
        failing["Update"]!["AutoRevert"] = false;
        failing["TaskGroups"]![0]!["Update"]!["AutoRevert"] = false;
        h.Repo.WithFile(File, JobFiles.Wrapped(failing));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        await h.ListOwnedJobsAsync(ct);
        h.Time.Advance(TimeSpan.FromSeconds(31));
        (await h.ListDeploymentsAsync(ct)).ShouldHaveSingleItem().Status.ShouldBe(DeploymentStatus.Failed);
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.DeploymentFailed);
        h.Calls("GET /v1/job/:id/deployments").ShouldBe(0, "the failure comes from the watched deployments");
        h.Calls("POST /v1/jobs").ShouldBe(0);
        (await h.StatusAsync(key, ct)).DeploymentStatus.ShouldBe(DeploymentStatus.Failed);
    }

    [Fact]
    public async Task The_controllers_own_register_is_no_move_in_the_owned_job_list()
    {
        await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);

        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", count: 3)));
        await h.PublishAsync("three", ct);
        (await h.ReconcileAsync(ObjectKey.NomadJob("default", "web"), ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        (await h.ListOwnedJobsAsync(ct)).ShouldBeEmpty();
        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_job_changed_by_hand_moves_in_the_owned_job_list_and_is_corrected()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);

        var manual = JobFiles.ServiceJob("web", image: "busybox:manual");
        OwnershipMeta.Apply(manual, "nomad-gitops", key.ToPath(ObjectKey.DefaultPrefix), prune: false);
        await h.Client.Jobs.RegisterAsync(new JobRegisterRequest(manual), ct: ct);
        (await h.ListOwnedJobsAsync(ct)).Select(j => j.Id).ShouldBe(["web"]);

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Reason.ShouldBe(Reasons.DriftCorrected);
        (await h.VersionCountAsync("web", ct)).ShouldBe(3);
    }

    [Fact]
    public async Task A_changed_file_is_rendered_and_registered_although_the_job_is_untouched()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);

        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web", image: "busybox:1.37")));
        await h.PublishAsync("new image", ct);
        await h.ReconcileAsync(key, ct);

        (await h.VersionCountAsync("web", ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_commit_that_changes_only_other_files_costs_no_render_and_no_Nomad_call()
    {
        var key = await RegisteredAsync();
        await QuietAsync(key);

        h.Repo.WithFile("jobs/other.json", JobFiles.Wrapped(JobFiles.ServiceJob("other")));
        var commit = await h.PublishAsync("another job", ct);
        h.Graph.Logs.Clear();
        h.Nomad.Calls.Reset();

        var outcome = await h.ReconcileAsync(key, ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>().Message.ShouldContain(commit[..12]);
        Renders().ShouldBe(0, "the file and its var files have the blobs they had: the job is the one rendered before");
        h.Nomad.Calls.Snapshot().Keys.ShouldBe([VariableRead]);
    }

    [Fact]
    public async Task A_changed_var_file_is_rendered_and_registered_although_the_job_file_is_untouched()
    {
        const string hcl = "jobs/api.nomad.hcl";
        h.Repo.WithFile(hcl, ImageJob("api", "image = var.image"));
        h.Repo.WithFile("vars/prod.hcl", "image = \"busybox:1.36\"\n");
        await h.PublishAsync("add api", ct);
        var key = await h.CreateJobObjectAsync("api", hcl, ct, ("var_files", "vars/prod.hcl"));
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        await QuietAsync(key);

        h.Repo.WithFile("vars/prod.hcl", "image = \"busybox:1.37\"\n");
        await h.PublishAsync("new image", ct);
        h.Graph.Logs.Clear();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        Renders().ShouldBe(1);
        (await h.VersionCountAsync("api", ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_file_that_reads_other_files_is_rendered_again_at_a_new_commit()
    {
        const string hcl = "jobs/api.nomad.hcl";
        h.Repo.WithFile(hcl, ImageJob("api", "image = trimspace(file(\"image.txt\"))"));
        h.Repo.WithFile("image.txt", "busybox:1.36\n");
        await h.PublishAsync("add api", ct);
        var key = await h.CreateJobObjectAsync("api", hcl, ct);
        var first = await h.ReconcileAsync(key, ct);
        first.ShouldBeOfType<ReconcileOutcome.UpToDate>(first.Message);
        await QuietAsync(key);

        h.Repo.WithFile("image.txt", "busybox:1.37\n");
        await h.PublishAsync("new image", ct);
        h.Graph.Logs.Clear();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        Renders().ShouldBe(1, "its blob is the same, but the file it reads is not");
        (await h.VersionCountAsync("api", ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_requested_reconcile_is_not_skipped()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);
        var stored = (await h.Store.ReadAsync(key, ct))!;
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = "2026-11-25T12:00:00Z" };
        (await h.Store.ReplaceAsync(key, items, stored.ModifyIndex, ct)).ShouldBeTrue();
        h.Nomad.Calls.Reset();

        await h.ReconcileAsync(key, ct);

        h.Calls("GET /v1/job/:id").ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_current_owned_job_list_the_live_job_is_read()
    {
        var key = await RegisteredAsync();
        await h.ListOwnedJobsAsync(ct);
        h.OwnedJobs.Behind();
        h.Nomad.Calls.Reset();

        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();

        h.Calls("GET /v1/job/:id").ShouldBe(1);
    }

    // A service job in HCL whose task config sets the image with config (e.g. "image = var.image").
    private static string ImageJob(string id, string config) => $$"""
        variable "image" {
          type    = string
          default = "busybox:1.35"
        }

        job "{{id}}" {
          datacenters = ["dc1"]
          group "g" {
            task "t" {
              driver = "docker"
              config {
                {{config}}
              }
            }
          }
        }
        """;

    // The deployment of the release succeeds and is recorded, so the next reconcile has nothing to look at.
    private async Task QuietAsync(ObjectKey key)
    {
        await h.ListOwnedJobsAsync(ct);
        h.Time.Advance(TimeSpan.FromSeconds(31)); // the emulator's deployment succeeds
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        await h.ListOwnedJobsAsync(ct);
    }

    private int Renders() => h.Graph.Logs.Events.Count(e => e.Message.Contains(" rendered by ", StringComparison.Ordinal));

    private async Task<ObjectKey> RegisteredAsync()
    {
        h.Repo.WithFile(File, JobFiles.Wrapped(JobFiles.ServiceJob("web")));
        await h.PublishAsync("add web", ct);
        var key = await h.CreateJobObjectAsync("web", File, ct);
        (await h.ReconcileAsync(key, ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.LiveJobAsync("web", ct)).ShouldBeOfType<JsonObject>();
        return key;
    }
}

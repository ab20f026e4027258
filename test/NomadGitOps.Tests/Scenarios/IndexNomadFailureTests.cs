using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// Nomad failing under the index where no step runs (its own status write, the retirement of a deleted repository's
/// NomadJobs): a transient failure with its retry time, as the skeleton's finish answers, never an exception for the
/// queue's "failed unexpectedly" handler.
/// </summary>
public sealed class IndexNomadFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_status_write_that_Nomad_refuses_is_a_transient_failure_with_its_retry_time()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAsync(key, repo, Ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + key.ToPath(ObjectKey.DefaultPrefix), Kind = FaultKind.NoLeader, Times = 1 });

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        var failed = outcome.ShouldBeOfType<ReconcileOutcome.Failed>();
        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.RetryAfter.ShouldNotBeNull();
        failed.Message.ShouldContain("apps");
        (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        h.Trigger.Triggered.ShouldContain((ControllerName.NomadJob, ObjectKey.NomadJob("default", "web")));
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBeEmpty();

        (await h.Controller.ReconcileAsync(key, Ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/web"]);
    }

    [Fact]
    public async Task A_repository_Nomad_cannot_read_is_a_transient_failure_with_its_retry_time_that_indexes_nothing()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAsync(key, repo, Ct);
        h.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/" + key.ToPath(ObjectKey.DefaultPrefix), Status = 500, Body = "rpc error: no leader", Times = 1 });

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        var failed = outcome.ShouldBeOfType<ReconcileOutcome.Failed>();
        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.RetryAfter.ShouldNotBeNull();
        failed.Message.ShouldContain("apps");
        (await h.JobAsync("default", "web", Ct)).ShouldBeNull();
        h.Trigger.Triggered.ShouldBeEmpty();

        (await h.Controller.ReconcileAsync(key, Ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_deleted_repository_whose_NomadJobs_Nomad_cannot_list_is_a_transient_failure_with_its_retry_time()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var stored = (await h.Store.ReadAsync(key, Ct)).ShouldNotBeNull();
        (await h.Store.DeleteAsync(key, stored.ModifyIndex, Ct)).ShouldBeTrue();
        h.Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/vars", Kind = FaultKind.NoLeader, Times = 1 });

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        var failed = outcome.ShouldBeOfType<ReconcileOutcome.Failed>();
        failed.Reason.ShouldBe(Reasons.NomadUnavailable);
        failed.RetryAfter.ShouldNotBeNull();
        failed.Message.ShouldContain("was deleted");

        (await h.Controller.ReconcileAsync(key, Ct)).ShouldBeOfType<ReconcileOutcome.UpToDate>().Message.ShouldContain("1 orphaned");
    }
}

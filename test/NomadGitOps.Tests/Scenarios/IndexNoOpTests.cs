using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexNoOpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_reconcile_at_the_same_commit_reads_one_object_and_writes_nothing()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        h.Nomad.Calls.Reset();
        h.Trigger.Clear();

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        h.Nomad.Calls.Count("GET /v1/var/:path").ShouldBe(1);
        h.Nomad.Calls.CountMethod("PUT").ShouldBe(0);
        h.Trigger.Triggered.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_commit_touching_only_an_unrelated_file_changes_no_NomadJob_and_parses_nothing_again()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var web = (await h.JobAsync("default", "web", Ct))!.ModifyIndex;
        var api = (await h.JobAsync("default", "api", Ct))!.ModifyIndex;
        await repo.WithFile("README.md", "docs only").CommitAsync("docs", Ct);
        await h.PublishAsync(key, repo, Ct);
        h.Nomad.Calls.Reset();
        h.Trigger.Clear();

        var outcome = await h.Controller.ReconcileAsync(key, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.UpToDate>();
        (await h.JobAsync("default", "web", Ct))!.ModifyIndex.ShouldBe(web);
        (await h.JobAsync("default", "api", Ct))!.ModifyIndex.ShouldBe(api);
        h.Nomad.Calls.Count("PUT /v1/var/:path").ShouldBe(1); // status_indexed_commit of the repository alone
        h.Nomad.Calls.Count("DELETE /v1/var/:path").ShouldBe(0);
        h.Nomad.Calls.Count("POST /v1/jobs/parse").ShouldBe(0);
        h.Trigger.Triggered.ShouldBeEmpty();
        (await h.IndexStatusAsync(key, Ct)).Jobs.ShouldBe(["default/api", "default/web"]);
    }

    [Fact]
    public async Task A_commit_changing_one_job_file_wakes_only_its_NomadJob_although_no_object_changed()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var web = (await h.JobAsync("default", "web", Ct))!.ModifyIndex;
        await repo.WithFile("web.json", JobFiles.Json("web", count: 3)).CommitAsync("three", Ct);
        await h.PublishAsync(key, repo, Ct);
        h.Trigger.Clear();

        await h.Controller.ReconcileAsync(key, Ct);

        (await h.JobAsync("default", "web", Ct))!.ModifyIndex.ShouldBe(web);
        h.Trigger.Triggered.ShouldBe([(ControllerName.NomadJob, ObjectKey.NomadJob("default", "web"))]);
    }

    [Fact]
    public async Task A_reconcile_requested_on_the_repository_wakes_no_NomadJob()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var stored = (await h.Store.ReadAsync(key, Ct))!;
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.ReconcileRequestedAt] = "2026-11-25T12:00:00Z" };
        (await h.Store.ReplaceAsync(key, items, stored.ModifyIndex, Ct)).ShouldBeTrue();
        h.Trigger.Clear();

        await h.Controller.ReconcileAsync(key, Ct);

        h.Trigger.Triggered.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_changed_job_file_updates_only_its_object_and_triggers_only_it()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web")).WithFile("api.json", JobFiles.Json("api")).CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));
        await h.PublishAndIndexAsync(key, repo, Ct);
        var web = (await h.JobAsync("default", "web", Ct))!.ModifyIndex;
        await repo.WithoutFile("api.json").WithFile("api-v2.json", JobFiles.Json("api", count: 3)).CommitAsync("rename api", Ct);
        h.Trigger.Clear();

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("default", "web", Ct))!.ModifyIndex.ShouldBe(web);
        (await h.JobAsync("default", "api", Ct))!.Items[ItemKeys.File].ShouldBe("api-v2.json");
        h.Trigger.Triggered.Select(t => t.Key).ShouldBe([ObjectKey.NomadJob("default", "api")]);
    }

    [Fact]
    public async Task An_unchanged_hcl_file_is_not_sent_to_nomads_parse_endpoint_again_at_a_new_commit()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        const string api = "job \"api\" {\n  namespace = \"ops\"\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n    }\n  }\n}\n";
        await repo.WithFile("api.nomad", api).WithFile("empty.nomad", "").CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct);
        await h.PublishAndIndexAsync(key, repo, Ct);
        h.Nomad.Calls.Count("POST /v1/jobs/parse").ShouldBe(1); // api.nomad is parsed in process; Nomad judges the empty file
        await repo.WithFile("README.md", "docs only").CommitAsync("docs", Ct);
        h.Nomad.Calls.Reset();

        await h.PublishAndIndexAsync(key, repo, Ct);

        h.Nomad.Calls.Count("POST /v1/jobs/parse").ShouldBe(0);
        (await h.JobAsync("ops", "api", Ct)).ShouldNotBeNull();
        (await h.IndexStatusAsync(key, Ct)).Errors.ShouldBe("Job file empty.nomad is not a valid HCL2 job: Job spec is empty.");
    }
}

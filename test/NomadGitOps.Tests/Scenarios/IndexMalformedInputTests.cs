using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Controllers.NomadJobIndex;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

public sealed class IndexMalformedInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_malformed_json_file_is_reported_by_name_while_the_other_files_are_indexed()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("jobs/web.json", JobFiles.Json("web"))
            .WithFile("jobs/broken.json", "{\n  \"ID\": \"broken\",\n  oops\n}")
            .WithFile("jobs/noid.json", "{ \"Type\": \"batch\" }")
            .WithFile("jobs/spaced.json", JobFiles.Json("has space"))
            .CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.json$"));

        var outcome = await h.PublishAndIndexAsync(key, repo, Ct);

        outcome.ShouldBeOfType<ReconcileOutcome.Stalled>().Reason.ShouldBe(Reasons.IndexFailed);
        (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        var status = await h.IndexStatusAsync(key, Ct);
        status.Jobs.ShouldBe(["default/web"]);
        var errors = status.Errors.ShouldNotBeNull().Split('\n');
        errors.Length.ShouldBe(3);
        errors[0].ShouldStartWith("Job file jobs/broken.json is not valid JSON at line 3");
        errors[1].ShouldStartWith("Job file jobs/noid.json holds no job ID");
        errors[2].ShouldStartWith("Job file jobs/spaced.json defines job \"has space\"; Nomad job IDs hold no spaces");
    }

    [Fact]
    public async Task A_malformed_hcl_file_is_reported_by_name_while_the_hcl_and_json_files_beside_it_are_indexed()
    {
        await using var h = await IndexHarness.StartAsync(Ct);
        using var repo = await h.NewRepoAsync("apps", Ct);
        await repo.WithFile("web.json", JobFiles.Json("web"))
            .WithFile("api.nomad.hcl", "job \"api\" {\n  namespace = \"ops\"\n  group \"g\" {\n    task \"t\" {\n      driver = \"docker\"\n    }\n  }\n}\n")
            .WithFile("bad.nomad", "job \"bad\" {\n  group = {\n}\n")
            .CommitAsync("first", Ct);
        var key = await h.CreateRepositoryAsync("apps", repo, Ct, (ItemKeys.Include, @"\.(json|nomad|nomad\.hcl)$"));

        await h.PublishAndIndexAsync(key, repo, Ct);

        (await h.JobAsync("default", "web", Ct)).ShouldNotBeNull();
        (await h.JobAsync("ops", "api", Ct)).ShouldNotBeNull().Items[ItemKeys.File].ShouldBe("api.nomad.hcl");
        (await h.IndexStatusAsync(key, Ct)).Errors.ShouldNotBeNull().ShouldStartWith("Job file bad.nomad is not a valid HCL2 job: bad.nomad:");
    }
}

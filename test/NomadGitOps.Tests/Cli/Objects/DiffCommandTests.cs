using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Cli.Objects;

/// <summary>
/// `nomad-gitops diff` against the emulator and a real git server: the sample web job is registered by `run --once`
/// (so the live job carries the controller's meta), then the repository's `status_current_commit` is moved by hand to a
/// later commit, as the GitRepository controller would, and `diff` plans every job of the repository there. The
/// emulator's plans carry no per-group update counts (it runs no scheduler), so the group lines end at the name; the
/// printer's counts are covered by PlanDiffTextTests.
/// </summary>
public sealed class DiffCommandTests : IAsyncLifetime
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "jobs");
    private readonly string cache = Path.Combine(Path.GetTempPath(), "diff-run-" + Guid.NewGuid().ToString("N")[..10]);
    private CliHarness cli = null!;
    private GitServer server = null!;
    private RepoBuilder repo = null!;
    private string webFile = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        cli = await CliHarness.StartAsync(Ct);
        server = await GitServer.StartAsync(GitServerKind.Daemon, Ct);
        repo = await RepoBuilder.CreateAsync(server, "apps", Ct);
        webFile = await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, "web.nomad.hcl"), Ct);
        repo.WithFile("jobs/web.nomad.hcl", webFile);
        await repo.CommitAsync("web", Ct);
        await cli.CreateRepoAsync("apps", $"url={repo.Url}");
        var run = await cli.RunAsync("run", "--once", "--cache-dir", cache);
        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        repo.Dispose();
        await server.DisposeAsync();
        await cli.DisposeAsync();
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Diff_of_a_repository_whose_jobs_are_as_registered_says_no_changes_and_exits_zero()
    {
        var commit = (await cli.ItemsAsync(ObjectKey.GitRepository("apps")))[ItemKeys.StatusCurrentCommit];

        var diff = await cli.RunAsync("diff", "repo", "apps");

        diff.Exit.ShouldBe(ExitCodes.Ok, diff.ToString());
        diff.Stdout.ShouldBe($"nomadjob/default/web: no changes (jobs/web.nomad.hcl at {commit[..12]}).\n", diff.ToString());
        cli.Nomad.Calls.Count("POST /v1/jobs").ShouldBe(1, "only run --once registered");
    }

    [Fact]
    public async Task Diff_prints_a_changed_count_as_nomad_job_plan_does_and_exits_one_registering_nothing()
    {
        repo.WithFile("jobs/web.nomad.hcl", webFile.Replace("count = 2", "count = 3", StringComparison.Ordinal));
        await MoveToAsync(await repo.CommitAsync("web: three", Ct));
        var version = (await cli.Client.Jobs.ReadAsync("web", ct: Ct)).Value!["Version"]!.GetValue<ulong>();

        var diff = await cli.RunAsync("diff", "repo", "apps");

        diff.Exit.ShouldBe(ExitCodes.Failed, diff.ToString());
        diff.Stdout.ShouldBe(
            """
            +/- Job: "web"
            +/- Task Group: "web"
              +/- Count: "2" => "3" (forces create)
                  Task: "nginx"


            """.ReplaceLineEndings("\n"),
            diff.ToString());
        (await cli.Client.Jobs.ReadAsync("web", ct: Ct)).Value!["Version"]!.GetValue<ulong>().ShouldBe(version, "diff registers nothing");
        cli.Nomad.Calls.Count("POST /v1/jobs").ShouldBe(1, "only run --once registered");
    }

    [Fact]
    public async Task Diff_shows_a_new_job_as_added_and_names_a_file_that_does_not_parse_while_still_planning_the_others()
    {
        repo.WithFile("jobs/api.nomad.hcl", webFile.Replace("job \"web\"", "job \"api\"", StringComparison.Ordinal))
            .WithFile("jobs/broken.nomad.hcl", "job \"broken\" {\n  group \"g\" {\n");
        await MoveToAsync(await repo.CommitAsync("api and a broken file", Ct));
        await cli.CreateJobAsync("default", "api", "repository=apps\nfile=jobs/api.nomad.hcl");
        await cli.CreateJobAsync("default", "broken", "repository=apps\nfile=jobs/broken.nomad.hcl");

        var diff = await cli.RunAsync("diff");

        diff.Exit.ShouldBe(ExitCodes.Usage, diff.ToString());
        var lines = diff.Stdout.Split('\n');
        lines[0].ShouldBe("+ Job: \"api\"", diff.ToString());
        lines[1].ShouldBe("+ Task Group: \"web\"", diff.ToString());
        lines[2].ShouldBe("  + Task: \"nginx\" (forces create)", diff.ToString());
        diff.Stdout.ShouldContain("nomadjob/default/web: no changes (jobs/web.nomad.hcl at ");
        diff.Stderr.ShouldContain("Error: nomadjob/default/broken: jobs/broken.nomad.hcl at ");
        diff.Stderr.ShouldContain("2 job(s) planned: 1 would change, 1 unchanged; 1 error(s).");
        cli.Nomad.Calls.Count("POST /v1/jobs").ShouldBe(1, "only run --once registered");
    }

    [Fact]
    public async Task Diff_with_json_output_prints_each_job_with_its_diff_and_a_summary()
    {
        repo.WithFile("jobs/web.nomad.hcl", webFile.Replace("count = 2", "count = 3", StringComparison.Ordinal));
        var commit = (await repo.CommitAsync("web: three", Ct)).Trim();
        await MoveToAsync(commit);

        var diff = await cli.RunAsync("diff", "repo", "apps", "-o", "json");

        diff.Exit.ShouldBe(ExitCodes.Failed, diff.ToString());
        var json = diff.Json;
        json["changed"]!.GetValue<int>().ShouldBe(1);
        json["errors"]!.GetValue<int>().ShouldBe(0);
        var job = json["jobs"]![0]!;
        job["object"]!.GetValue<string>().ShouldBe("nomadjob/default/web");
        job["commit"]!.GetValue<string>().ShouldBe(commit);
        job["type"]!.GetValue<string>().ShouldBe("Edited");
        job["diff"]!["TaskGroups"]![0]!["Fields"]![0]!["New"]!.GetValue<string>().ShouldBe("3");
    }

    [Fact]
    public async Task Diff_parses_where_the_controllers_parse_in_process_by_default_and_at_nomads_parse_endpoint_with_parse_on_server()
    {
        repo.WithFile("jobs/web.nomad.hcl", webFile.Replace("count = 2", "count = 3", StringComparison.Ordinal));
        await MoveToAsync(await repo.CommitAsync("web: three", Ct));
        var before = cli.Nomad.Calls.Count("POST /v1/jobs/parse");

        var local = await cli.RunAsync("diff", "repo", "apps");

        local.Exit.ShouldBe(ExitCodes.Failed, local.ToString());
        cli.Nomad.Calls.Count("POST /v1/jobs/parse").ShouldBe(before, "Nomad.Hcl parses the file in process, as the controllers do by default");

        var server = await cli.RunAsync("diff", "repo", "apps", "--parse-on", "server");

        server.Exit.ShouldBe(ExitCodes.Failed, server.ToString());
        server.Stdout.ShouldBe(local.Stdout, "the endpoint's job is the one Nomad.Hcl made");
        cli.Nomad.Calls.Count("POST /v1/jobs/parse").ShouldBeGreaterThan(before, "with parse-on server the file goes to the endpoint");
    }

    [Fact]
    public async Task Diff_of_a_repository_that_does_not_exist_is_an_error()
    {
        var diff = await cli.RunAsync("diff", "repo", "nope");

        diff.Exit.ShouldBe(ExitCodes.Usage, diff.ToString());
        diff.Stderr.ShouldContain("gitrepository/nope does not exist");
    }

    [Fact]
    public async Task Diff_fetches_with_the_credentials_the_repositorys_secret_names_and_says_so_when_the_secret_is_missing()
    {
        await using var http = await GitServer.StartAsync(GitServerKind.Http, Ct);
        using var privateRepo = await RepoBuilder.CreateAsync(http, "private", Ct);
        privateRepo.WithFile("jobs/web.nomad.hcl", webFile.Replace("job \"web\"", "job \"private-web\"", StringComparison.Ordinal));
        var commit = (await privateRepo.CommitAsync("web", Ct)).Trim();
        await cli.CreateRepoAsync("private", $"url={privateRepo.Url}\nsecret=nomad-gitops/secrets/private\n{ItemKeys.StatusCurrentCommit}={commit}");
        await cli.CreateJobAsync("default", "private-web", "repository=private\nfile=jobs/web.nomad.hcl");

        var missing = await cli.RunAsync("diff", "repo", "private");

        missing.Exit.ShouldBe(ExitCodes.Usage, missing.ToString());
        missing.Stderr.ShouldContain("gitrepository/private: its secret variable \"nomad-gitops/secrets/private\" (namespace \"default\") does not exist.");

        await cli.Client.Variables.PutAsync(
            new Nomad.Client.Variable
            {
                Path = "nomad-gitops/secrets/private",
                Items = new Dictionary<string, string> { ["username"] = GitServer.HttpUser, ["password"] = GitServer.HttpPassword },
            },
            ct: Ct);
        var diff = await cli.RunAsync("diff", "repo", "private");

        diff.Exit.ShouldBe(ExitCodes.Failed, diff.ToString());
        diff.Stdout.ShouldStartWith("+ Job: \"private-web\"\n", customMessage: diff.ToString());
        diff.Stdout.ShouldNotContain(GitServer.HttpPassword);
        diff.Stderr.ShouldNotContain(GitServer.HttpPassword);
    }

    // What the GitRepository controller does after a fetch: the repository now serves this commit.
    private async Task MoveToAsync(string commit)
    {
        var key = ObjectKey.GitRepository("apps");
        var stored = (await cli.Store.ReadAsync(key, Ct)).ShouldNotBeNull();
        var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal) { [ItemKeys.StatusCurrentCommit] = commit.Trim() };
        (await cli.Store.ReplaceAsync(key, items, stored.ModifyIndex, Ct)).ShouldBeTrue();
    }
}

using Nomad.Client;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class DeleteCommandTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task Delete_of_a_job_without_prune_removes_the_object_and_leaves_the_nomad_job_running()
    {
        var key = ObjectKey.NomadJob("default", "web");
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        await RegisterOwnedAsync(key);

        var run = await _cli.RunAsync("delete", "job", "web");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("Deleted nomadjob/default/web.");
        run.Stdout.ShouldContain("--prune");
        (await _cli.Store.ReadAsync(key, _ct)).ShouldBeNull();
        (await IsStoppedAsync("web")).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_of_a_job_with_prune_stops_the_nomad_job_its_meta_ties_to_the_object()
    {
        var key = ObjectKey.NomadJob("default", "web");
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        await RegisterOwnedAsync(key);

        var run = await _cli.RunAsync("delete", "job", "default/web", "--prune", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Json["deleted"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["nomadjob/default/web"]);
        run.Json["stopped"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["default/web"]);
        (await IsStoppedAsync("web")).ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_with_prune_leaves_a_nomad_job_whose_meta_names_another_object()
    {
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(JobFiles.ServiceJob("web")), ct: _ct);

        var run = await _cli.RunAsync("delete", "job", "web", "--prune");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        (await IsStoppedAsync("web")).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_of_a_repository_with_prune_takes_the_jobs_its_index_made_and_nothing_else()
    {
        await _cli.CreateRepoAsync("apps");
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl\nmanaged_by=index");
        await _cli.CreateJobAsync("default", "hand", "job_id=hand\nrepository=apps\nfile=hand.hcl");
        await _cli.CreateJobAsync("default", "other", "job_id=other\nrepository=infra\nfile=o.hcl\nmanaged_by=index");
        await RegisterOwnedAsync(ObjectKey.NomadJob("default", "web"));

        var run = await _cli.RunAsync("delete", "repo", "apps", "--prune");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        (await _cli.Store.ReadAsync(ObjectKey.GitRepository("apps"), _ct)).ShouldBeNull();
        (await _cli.Store.ReadAsync(ObjectKey.NomadJob("default", "web"), _ct)).ShouldBeNull();
        (await _cli.Store.ReadAsync(ObjectKey.NomadJob("default", "hand"), _ct)).ShouldNotBeNull();
        (await _cli.Store.ReadAsync(ObjectKey.NomadJob("default", "other"), _ct)).ShouldNotBeNull();
        (await IsStoppedAsync("web")).ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_of_a_missing_object_fails_with_exit_1()
    {
        var run = await _cli.RunAsync("delete", "receiver", "ghost");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("receiver/ghost does not exist");
    }

    private async Task RegisterOwnedAsync(ObjectKey key)
    {
        var job = JobFiles.ServiceJob(key.Name);
        OwnershipMeta.Apply(job, EngineSettings.DefaultControllerName, key.ToPath(ObjectKey.DefaultPrefix), prune: false);
        await _cli.Client.Jobs.RegisterAsync(new JobRegisterRequest(job), ct: _ct);
    }

    private async Task<bool> IsStoppedAsync(string jobId)
    {
        var live = (await _cli.Client.Jobs.ReadAsync(jobId, ct: _ct)).Value.ShouldNotBeNull();
        return live["Stop"]?.GetValue<bool>() == true;
    }
}

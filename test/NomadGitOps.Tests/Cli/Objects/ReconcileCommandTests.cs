using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class ReconcileCommandTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        await _cli.DisposeAsync();
    }

    [Fact]
    public async Task Reconcile_writes_the_request_waits_for_the_controller_and_prints_the_result()
    {
        await _cli.CreateRepoAsync("apps", "url=https://git.example.com/apps.git\nbranch=main");
        var key = ObjectKey.GitRepository("apps");
        Start(key, "True", "Succeeded", "Fetched main at 0123456789ab");

        var run = await _cli.RunAsync("reconcile", "repo", "apps");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("gitrepository/apps reconciled: ready=True reason=Succeeded");
        run.Stdout.ShouldContain("Fetched main at 0123456789ab");
        var items = await _cli.ItemsAsync(key);
        items[ItemKeys.StatusLastHandledReconcileAt].ShouldBe(items[ItemKeys.ReconcileRequestedAt]);
        items["branch"].ShouldBe("main");
    }

    [Fact]
    public async Task Reconcile_exits_1_when_the_object_is_not_ready_afterwards_and_json_says_why()
    {
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        Start(ObjectKey.NomadJob("default", "web"), "False", "RenderFailed", "web.hcl:3: unexpected token");

        var run = await _cli.RunAsync("reconcile", "job", "web", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Failed, run.ToString());
        run.Json["handled"]!.GetValue<bool>().ShouldBeTrue();
        run.Json["ready"]!.GetValue<string>().ShouldBe("False");
        run.Json["reason"]!.GetValue<string>().ShouldBe("RenderFailed");
        run.Json["namespace"]!.GetValue<string>().ShouldBe("default");
        run.Json["requestedAt"]!.GetValue<string>().ShouldEndWith("Z");
    }

    [Fact]
    public async Task Reconcile_with_source_reconciles_the_jobs_repository_first()
    {
        await _cli.CreateRepoAsync("apps");
        await _cli.CreateJobAsync("default", "web", "job_id=web\nrepository=apps\nfile=web.hcl");
        Start(ObjectKey.GitRepository("apps"), "True", "Succeeded", "fetched");
        Start(ObjectKey.NomadJob("default", "web"), "True", "Applied", "registered");

        var run = await _cli.RunAsync("reconcile", "job", "default/web", "--with-source");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        foreach (var key in new[] { ObjectKey.GitRepository("apps"), ObjectKey.NomadJob("default", "web") })
        {
            var items = await _cli.ItemsAsync(key);
            items.ShouldContainKey(ItemKeys.ReconcileRequestedAt);
            items[ItemKeys.StatusLastHandledReconcileAt].ShouldBe(items[ItemKeys.ReconcileRequestedAt]);
        }
    }

    [Fact]
    public async Task Reconcile_no_wait_only_writes_the_request()
    {
        await _cli.CreateRepoAsync("apps");

        var run = await _cli.RunAsync("reconcile", "repo", "apps", "--no-wait");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("Reconcile of gitrepository/apps requested at");
        (await _cli.ItemsAsync(ObjectKey.GitRepository("apps"))).ShouldContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task Reconcile_that_nothing_handles_times_out_with_exit_1_and_a_hint()
    {
        await _cli.CreateRepoAsync("apps");

        var run = await _cli.RunAsync("reconcile", "repo", "apps", "--timeout", "1s");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("was not reconciled within 1s");
        run.Stderr.ShouldContain("nomad-gitops run");
    }

    [Fact]
    public async Task Reconcile_of_a_suspended_object_fails_at_once_and_writes_nothing()
    {
        await _cli.CreateRepoAsync("apps", "url=https://git.example.com/apps.git\nsuspend=true");

        var run = await _cli.RunAsync("reconcile", "repo", "apps");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("is suspended");
        run.Stderr.ShouldContain("nomad-gitops resume repo apps");
        (await _cli.ItemsAsync(ObjectKey.GitRepository("apps"))).ShouldNotContainKey(ItemKeys.ReconcileRequestedAt);
    }

    [Fact]
    public async Task Reconcile_while_the_controller_is_paused_fails_and_says_to_unpause()
    {
        await _cli.CreateRepoAsync("apps");
        (await _cli.RunAsync("pause")).Exit.ShouldBe(ExitCodes.Ok);

        var run = await _cli.RunAsync("reconcile", "repo", "apps");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("nomad-gitops unpause");
    }

    [Fact]
    public async Task Reconcile_of_a_missing_object_fails_with_exit_1()
    {
        var run = await _cli.RunAsync("reconcile", "job", "batch/ghost");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("nomadjob/batch/ghost does not exist");
    }

    [Fact]
    public async Task A_bad_timeout_is_a_usage_error()
    {
        await _cli.CreateRepoAsync("apps");

        (await _cli.RunAsync("reconcile", "repo", "apps", "--timeout", "soon")).Exit.ShouldBe(ExitCodes.Usage);
    }

    private void Start(ObjectKey key, string ready, string reason, string message)
    {
        var controller = new StandInController(_cli.Store, key, ready, reason, message);
        _ = Task.Run(() => controller.RunAsync(_stop.Token), _stop.Token);
    }
}

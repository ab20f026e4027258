using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class BootstrapCreateCommandTests : IAsyncLifetime
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
    public async Task Bootstrap_creates_the_repository_named_after_the_url_and_prints_what_to_do_next()
    {
        var run = await _cli.RunAsync("bootstrap", "--url", "git@github.com:team/platform-jobs.git", "--branch", "prod", "--path", "nomad");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("Created gitrepository/platform-jobs");
        run.Stdout.ShouldContain("nomad-gitops reconcile repo platform-jobs");
        var items = await _cli.ItemsAsync(ObjectKey.GitRepository("platform-jobs"));
        items["url"].ShouldBe("git@github.com:team/platform-jobs.git");
        items["branch"].ShouldBe("prod");
        items["path"].ShouldBe("nomad");
    }

    [Fact]
    public async Task Bootstrap_never_overwrites_an_existing_repository()
    {
        await _cli.CreateRepoAsync("apps", "url=https://git.example.com/apps.git\nbranch=main");

        var run = await _cli.RunAsync("bootstrap", "--url", "https://elsewhere.example.com/apps.git");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("exists already");
        (await _cli.ItemsAsync(ObjectKey.GitRepository("apps")))["url"].ShouldBe("https://git.example.com/apps.git");
    }

    [Fact]
    public async Task Bootstrap_refuses_a_spec_the_controller_would_refuse()
    {
        var run = await _cli.RunAsync("bootstrap", "--url", "https://git.example.com/apps.git", "--path", "../outside");

        run.Exit.ShouldBe(ExitCodes.Usage, run.ToString());
        run.Stderr.ShouldContain("path");
        (await _cli.Store.ReadAsync(ObjectKey.GitRepository("apps"), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_receiver_writes_the_spec_and_prints_the_hook_url_once_the_controller_publishes_it()
    {
        var key = ObjectKey.Receiver("github");
        _ = Task.Run(() => PublishUrlAsync(key, "/hook/0a1b2c"), _stop.Token);

        var run = await _cli.RunAsync("create", "receiver", "github", "--type", "github", "--secret-path", "nomad-gitops/secrets/hook", "--repositories", "apps,infra");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("Hook URL: <nomad-gitops address>/hook/0a1b2c");
        var items = await _cli.ItemsAsync(key);
        items["type"].ShouldBe("github");
        items["secret"].ShouldBe("nomad-gitops/secrets/hook");
        items["repositories"].ShouldBe("apps,infra");
    }

    [Fact]
    public async Task Create_receiver_with_an_unknown_type_is_a_usage_error_and_writes_nothing()
    {
        var run = await _cli.RunAsync("create", "receiver", "hook", "--type", "svn", "--secret-path", "s/hook");

        run.Exit.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("svn");
        (await _cli.Store.ReadAsync(ObjectKey.Receiver("hook"), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_receiver_json_with_no_wait_gives_the_object_and_no_url()
    {
        var run = await _cli.RunAsync("create", "receiver", "gl", "--type", "gitlab", "--secret-path", "s/gl", "--no-wait", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Json["created"]!.GetValue<string>().ShouldBe("receiver/gl");
        run.Json["url"].ShouldBeNull();
        (await _cli.RunAsync("get", "receivers", "gl")).Stdout.ShouldContain("gl");
    }

    [Fact]
    public async Task Create_receiver_that_no_controller_answers_fails_after_the_timeout()
    {
        var run = await _cli.RunAsync("create", "receiver", "gh", "--type", "github", "--secret-path", "s/gh", "--timeout", "1s");

        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Stderr.ShouldContain("No hook URL within 1s");
    }

    private async Task PublishUrlAsync(ObjectKey key, string url)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (await _cli.Store.ReadAsync(key, _stop.Token) is { } current)
            {
                var items = new Dictionary<string, string>(current.Items, StringComparer.Ordinal) { [ItemKeys.StatusUrl] = url };
                await _cli.Store.ReplaceAsync(key, items, current.ModifyIndex, _stop.Token);
                return;
            }

            await Task.Delay(20, _stop.Token);
        }
    }
}

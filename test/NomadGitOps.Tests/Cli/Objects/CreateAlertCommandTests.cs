using NomadGitOps.Cli;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.Alert;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Cli.Objects;

public sealed class CreateAlertCommandTests : IAsyncLifetime
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
    public async Task Create_alert_writes_the_spec_and_prints_the_controllers_verdict()
    {
        var key = ObjectKey.Alert("team");
        await _cli.Client.Variables.PutAsync(
            new Nomad.Client.Variable { Path = "nomad-gitops/secrets/slack", Items = new Dictionary<string, string> { ["address"] = "https://hooks.slack.com/services/T/B/S3CRET" } },
            ct: TestContext.Current.CancellationToken);
        _ = Task.Run(() => ReconcileWhenCreatedAsync(key), _stop.Token);

        var run = await _cli.RunAsync("create", "alert", "team", "--type", "slack", "--secret-path", "nomad-gitops/secrets/slack", "--events", "failed,recovered,applied", "--jobs", "default/web");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Stdout.ShouldContain("Created alert/team (slack, address from nomad-gitops/secrets/slack).");
        run.Stdout.ShouldContain("True: Alert team sends slack notifications");
        run.Stdout.ShouldNotContain("S3CRET");
        var items = await _cli.ItemsAsync(key);
        items["type"].ShouldBe("slack");
        items["secret"].ShouldBe("nomad-gitops/secrets/slack");
        items["events"].ShouldBe("failed,recovered,applied");
        items["jobs"].ShouldBe("default/web");
        var get = await _cli.RunAsync("get", "alerts");
        get.Stdout.ShouldContain("team");
        get.Stdout.ShouldContain("True");
    }

    [Fact]
    public async Task Create_alert_with_an_unknown_event_is_a_usage_error_and_writes_nothing()
    {
        var run = await _cli.RunAsync("create", "alert", "team", "--type", "generic", "--url", "https://example.com/hook", "--events", "exploded");

        run.Exit.ShouldBe(ExitCodes.Usage, run.ToString());
        run.Stderr.ShouldContain("\"exploded\"");
        (await _cli.Store.ReadAsync(ObjectKey.Alert("team"), TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_alert_json_with_no_wait_gives_the_object()
    {
        var run = await _cli.RunAsync("create", "alert", "ops", "--type", "generic", "--url", "https://example.com/hook", "--no-wait", "-o", "json");

        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        run.Json["created"]!.GetValue<string>().ShouldBe("alert/ops");
        (await _cli.ItemsAsync(ObjectKey.Alert("ops")))["address"].ShouldBe("https://example.com/hook");
    }

    [Fact]
    public async Task Create_receiver_with_an_address_is_a_usage_error()
    {
        var run = await _cli.RunAsync("create", "receiver", "gh", "--type", "github", "--secret-path", "s/gh", "--url", "https://example.com");

        run.Exit.ShouldBe(ExitCodes.Usage);
        run.Stderr.ShouldContain("not --url");
    }

    // Plays the running controller: the real alert controller reconciles the alert once it exists.
    private async Task ReconcileWhenCreatedAsync(ObjectKey key)
    {
        var skeleton = new ReconcileSkeleton(_cli.Store, new Backoff(BackoffOptions.Default, new Random(7)), TimeProvider.System);
        var controller = new AlertController(skeleton, new AlertSecrets(_cli.Client, new ObjectStoreOptions()), new AlertDeliveryLog());
        while (!_stop.IsCancellationRequested)
        {
            if (await _cli.Store.ReadAsync(key, _stop.Token) is not null)
            {
                await controller.ReconcileAsync(key, _stop.Token);
                return;
            }

            await Task.Delay(20, _stop.Token);
        }
    }
}

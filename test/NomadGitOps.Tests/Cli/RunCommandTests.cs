using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Engine;

namespace NomadGitOps.Tests.Cli;

public sealed class RunCommandTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private NomadEmulator _nomad = null!;
    private NomadClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        _client = new NomadClient(new NomadClientOptions { Address = _nomad.Address.ToString() });
        await PutAsync("nomad-gitops/v1/gitrepository/apps", ("url", "file:///apps"));
        await PutAsync("nomad-gitops/v1/gitrepository/broken", ("url", "file:///broken"));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _nomad.DisposeAsync();
    }

    [Fact]
    public async Task Run_once_with_json_output_prints_only_json_and_exits_non_zero_when_an_object_failed()
    {
        var repos = Repositories(failing: "broken");
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, repos, "run", "--once", "-o", "json", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Failed);
        using var json = JsonDocument.Parse(stdout.ToString());
        json.RootElement.GetProperty("paused").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("failed").GetBoolean().ShouldBeTrue();
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => (r.GetProperty("object").GetString(), r.GetProperty("outcome").GetString(), r.GetProperty("failed").GetBoolean())).ShouldBe(
        [
            ("gitrepository/apps", "UpToDate", false),
            ("gitrepository/broken", "Failed", true),
        ]);
        results[1].GetProperty("reason").GetString().ShouldBe(Reasons.GitOperationFailed);
    }

    [Fact]
    public async Task Run_once_prints_a_table_and_exits_zero_when_every_object_is_fine()
    {
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, repos, "run", "--once", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Ok, stdout.ToString());
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("CONTROLLER");
        lines.ShouldContain(l => l.Contains("gitrepository/apps", StringComparison.Ordinal) && l.Contains("UpToDate", StringComparison.Ordinal));
        lines[^1].ShouldBe("2 reconciles, 0 failed");
        repos.Total.ShouldBe(2);
    }

    [Fact]
    public async Task Run_once_says_the_controller_is_paused_and_reconciles_nothing()
    {
        await PutAsync("nomad-gitops/v1/controller", ("suspend", "true"));
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, repos, "run", "--once", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Ok);
        stdout.ToString().ShouldContain("Controller paused: nomad-gitops/v1/controller has suspend=true");
        repos.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Run_refuses_settings_that_cannot_work_with_a_usage_exit()
    {
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await RunAsync(stdout, repos, stderr, "run", "--once", "--prefix", "nomad/mine", "--interval", "soon", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("--interval \"soon\"");
        stderr.ToString().ShouldContain("reserves");
        stdout.ToString().ShouldBeEmpty();
        repos.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Run_acts_as_leader_until_stopped_then_releases_the_lock_and_exits_zero()
    {
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var root = new RootCommand { RunCommand.Create(stdout, stderr, services => services.AddSingleton<IReconciler>(repos)) };
        var running = root.Parse(["run", "--address", _nomad.Address.ToString(), "--http-addr", "127.0.0.1:0"]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, stop.Token);

        await repos.NextCallOfAsync(ObjectKey.GitRepository("apps"));
        _nomad.State.Variables.Get("default", "nomad-gitops/v1/leader").ShouldNotBeNull().Lock.ShouldNotBeNull();
        await stop.CancelAsync();
        var exit = await running.WaitAsync(TimeSpan.FromMinutes(1), _ct);

        exit.ShouldBe(ExitCodes.Ok, stderr.ToString());
        _nomad.State.Variables.Get("default", "nomad-gitops/v1/leader").ShouldNotBeNull().Lock.ShouldBeNull();
        stdout.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_refuses_an_http_address_that_is_not_host_and_port()
    {
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await RunAsync(stdout, repos, stderr, "run", "--http-addr", "example.com", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Usage);
        stderr.ToString().ShouldContain("--http-addr: HTTP address \"example.com\" is not host:port");
    }

    [Fact]
    public async Task Run_says_which_address_is_taken_when_the_http_port_is_in_use()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var repos = Repositories(failing: null);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await RunAsync(stdout, repos, stderr, "run", "--http-addr", $"127.0.0.1:{port}", "--address", _nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Failed);
        stderr.ToString().ShouldContain($"cannot listen on 127.0.0.1:{port}");
        repos.Total.ShouldBe(0);
    }

    private static ReconcilerDouble Repositories(string? failing) =>
        new(ControllerName.GitRepository, ObjectKind.GitRepository)
        {
            Behaviour = (key, _) => Task.FromResult<ReconcileOutcome>(key.Name == failing
                ? new ReconcileOutcome.Failed(Reasons.GitOperationFailed, $"{key}: the remote refused the connection")
                : new ReconcileOutcome.UpToDate($"{key} is at commit 3f2a1b0")),
        };

    private Task<int> RunAsync(StringWriter stdout, ReconcilerDouble reconciler, params string[] args)
    {
        using var stderr = new StringWriter();
        return RunAsync(stdout, reconciler, stderr, args);
    }

    private async Task<int> RunAsync(StringWriter stdout, ReconcilerDouble reconciler, StringWriter stderr, params string[] args)
    {
        var root = new RootCommand { RunCommand.Create(stdout, stderr, services => services.AddSingleton<IReconciler>(reconciler)) };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(config, _ct).WaitAsync(TimeSpan.FromMinutes(1), _ct);
    }

    private async Task PutAsync(string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await _client.Variables.PutAsync(variable, ct: _ct)).ShouldBeOfType<VariableWriteResult.Written>();
    }
}

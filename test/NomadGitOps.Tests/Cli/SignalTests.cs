using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Testing;

namespace NomadGitOps.Tests.Cli;

/// <summary>
/// Every long-running program of the project exits on SIGTERM and SIGINT within its shutdown timeout (issue 12 §4):
/// `nomad-gitops run` and `nomad-gitops dev`, started from the built program as real child processes. The bound is
/// generous and only keeps a hang from hanging the suite; no timing is asserted.
/// </summary>
public sealed class SignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "signals-" + Guid.NewGuid().ToString("N")[..10]);

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(scratch);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(scratch, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("INT", 2)]
    public async Task Run_releases_the_leader_lock_and_exits_zero_on_a_signal(string signal, int number)
    {
        Assert.SkipWhen(ChildProgram.InheritsIgnored(number), $"SIG{signal} is ignored by this test process (a background job), so a child would ignore it too.");
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        // A free loopback port: the default 0.0.0.0:9090 may be taken on a shared machine.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var run = ChildProgram.Start("nomad-gitops.dll",
            ["run", "--address", nomad.Address.ToString().TrimEnd('/'), "--cache-dir", Path.Combine(scratch, "cache"), "--http-addr", $"127.0.0.1:{port}"]);
        await run.WaitForLineAsync(l => l.Contains("Became leader", StringComparison.Ordinal), Bound, ct);

        await run.SignalAsync(signal, ct);
        var exit = await run.WaitForExitAsync(Bound, ct);

        exit.ShouldBe(ExitCodes.Ok, run.Output);
        run.Output.ShouldContain("Released the leader lock");
    }

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("INT", 2)]
    public async Task Dev_stops_its_controllers_and_embedded_emulator_and_exits_zero_on_a_signal(string signal, int number)
    {
        Assert.SkipWhen(ChildProgram.InheritsIgnored(number), $"SIG{signal} is ignored by this test process (a background job), so a child would ignore it too.");
        await using var dev = ChildProgram.Start(
            "nomad-gitops.dll", ["dev", "--port", "0", "--repo-dir", Path.Combine(scratch, "repo")], new Dictionary<string, string> { ["NOMAD_GITOPS_CACHE_DIR"] = Path.Combine(scratch, "cache") });
        var listening = await dev.WaitForLineAsync(l => l.StartsWith("Nomad emulator listening on ", StringComparison.Ordinal), Bound, ct);
        var address = new Uri(listening["Nomad emulator listening on ".Length..].Split(' ')[0]);
        await dev.WaitForLineAsync(l => l.Contains("Became leader", StringComparison.Ordinal), Bound, ct);

        await dev.SignalAsync(signal, ct);
        var exit = await dev.WaitForExitAsync(Bound, ct);

        exit.ShouldBe(ExitCodes.Ok, dev.Output);
        dev.Output.ShouldContain("Controllers stopped");
        using var http = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(address, "/v1/status/leader"), ct));
    }
}

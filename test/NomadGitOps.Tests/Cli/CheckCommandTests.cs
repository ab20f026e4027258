using System.Net;
using System.Net.Sockets;
using Nomad.Emulator;
using Nomad.Emulator.Faults;
using NomadGitOps.Cli;

namespace NomadGitOps.Tests.Cli;

public sealed class CheckCommandTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_passes_against_a_nomad_that_answers()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, "check", "--address", nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Ok, stdout.ToString());
        stdout.ToString().ShouldContain("variables under nomad-gitops/v1/ readable");
    }

    [Fact]
    public async Task Check_fails_and_says_why_when_nomad_refuses_the_token()
    {
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), _ct);
        nomad.Faults.Add(new FaultRule { PathPrefix = "/v1/vars", Kind = FaultKind.Respond, Status = 403, Body = "Permission denied" });
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, "check", "--address", nomad.Address.ToString());

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ToString().ShouldContain("FAIL");
        stdout.ToString().ShouldContain("Permission denied");
    }

    [Fact]
    public async Task Check_fails_when_nothing_listens_at_the_address()
    {
        using var stdout = new StringWriter();

        var exit = await RunAsync(stdout, "check", "--address", $"http://127.0.0.1:{UnusedPort()}");

        exit.ShouldBe(ExitCodes.Failed);
        stdout.ToString().ShouldContain("FAIL");
    }

    private async Task<int> RunAsync(StringWriter stdout, params string[] args)
    {
        using var stderr = new StringWriter();
        return await NomadGitOpsCli.RunAsync(args, stdout, stderr).WaitAsync(TimeSpan.FromMinutes(1), _ct);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using NomadGitOps.Testing;

namespace Nomad.Emulator.Tests.Emulator;

/// <summary>
/// The emulator run as a program (issue 12 §4): SIGTERM and SIGINT end the process, not only the serving. The built
/// program runs as a real child process; the bound below is generous and only keeps a hang from hanging the suite.
/// </summary>
public sealed class StandaloneProgramTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("INT", 2)]
    public async Task The_standalone_emulator_stops_serving_and_exits_zero_on_a_signal(string signal, int number)
    {
        Assert.SkipWhen(ChildProgram.InheritsIgnored(number), $"SIG{signal} is ignored by this test process (a background job), so a child would ignore it too.");
        await using var emulator = ChildProgram.Start("NomadEmulator.dll", ["--port", "0"]);
        var listening = await emulator.WaitForLineAsync(l => l.StartsWith("Nomad emulator listening on ", StringComparison.Ordinal), Bound, ct);
        using var http = new HttpClient { BaseAddress = new Uri(listening["Nomad emulator listening on ".Length..]) };
        (await http.GetStringAsync(new Uri("/v1/status/leader", UriKind.Relative), ct)).ShouldNotBeNullOrEmpty();
        // A blocking query in flight must not hold the exit past the shutdown timeout.
        var blocked = http.GetAsync(new Uri("/v1/jobs?index=1000000&wait=5m", UriKind.Relative), ct);

        await emulator.SignalAsync(signal, ct);
        var exit = await emulator.WaitForExitAsync(Bound, ct);

        exit.ShouldBe(0, emulator.Output);
        emulator.Output.ShouldContain("Nomad emulator stopping");
        await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(new Uri("/v1/status/leader", UriKind.Relative), ct));
        await Should.ThrowAsync<Exception>(() => blocked);
    }
}

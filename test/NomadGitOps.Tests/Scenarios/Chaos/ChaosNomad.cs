using System.Net.Http.Json;
using Nomad.Emulator.Faults;
using NomadGitOps.Testing;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// The standalone Nomad emulator (<c>NomadEmulator.dll</c>, the program, not the in-process library) as a child process,
/// driven over its <c>/_emulator</c> API: faults posted as JSON, the write log read back. Stopped with SIGTERM.
/// </summary>
internal sealed class ChaosNomad : IAsyncDisposable
{
    private readonly ChildProgram program;
    private readonly HttpClient http;

    private ChaosNomad(ChildProgram program, Uri address)
    {
        this.program = program;
        Address = address;
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the emulator serves.</summary>
    public Uri Address { get; }

    /// <summary>Starts the program on a free port and waits until it says where it listens.</summary>
    public static async Task<ChaosNomad> StartAsync(CancellationToken ct)
    {
        var program = ChildProgram.Start("NomadEmulator.dll", ["--deployment-duration", "1s"]);
        var line = await program.WaitForLineAsync(l => l.StartsWith("Nomad emulator listening on ", StringComparison.Ordinal), TimeSpan.FromMinutes(2), ct);
        return new ChaosNomad(program, new Uri(line["Nomad emulator listening on ".Length..].Trim() + "/"));
    }

    /// <summary>Adds a fault (<c>POST /_emulator/faults</c>).</summary>
    public async Task AddFaultAsync(FaultRule rule, CancellationToken ct)
    {
        using var answer = await http.PostAsJsonAsync("/_emulator/faults", rule, ct);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>Removes every fault (<c>DELETE /_emulator/faults</c>).</summary>
    public async Task ClearFaultsAsync(CancellationToken ct)
    {
        using var answer = await http.DeleteAsync("/_emulator/faults", ct);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>Every write request the emulator served, oldest first (<c>GET /_emulator/requests</c>).</summary>
    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<List<LoggedRequest>>("/_emulator/requests", ct) ?? [];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!program.HasExited)
        {
            await program.SignalAsync("TERM", CancellationToken.None);
            await program.WaitForExitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }

        await program.DisposeAsync();
    }
}

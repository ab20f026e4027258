using System.CommandLine;
using System.Net.Sockets;
using Nomad.Client;
using Nomad.Emulator;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops dev</c>: the newcomer's first command. Starts the Nomad emulator in this process,
/// checks that nomad-gitops reaches it, and keeps serving until Ctrl-C. (The controller and a sample
/// repository join it as they are built.)
/// </summary>
internal static class DevCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port")
        {
            Description = "Port for the embedded Nomad emulator on 127.0.0.1 (0: any free port)",
            DefaultValueFactory = _ => 4646,
        };
        var once = new Option<bool>("--once") { Description = "Start, check, print, and exit instead of serving until Ctrl-C" };
        var command = new Command("dev", "Run against an embedded Nomad emulator (no cluster needed)") { port, once };
        command.SetAction(async (parse, ct) =>
        {
            await using var emulator = await StartEmulatorAsync(parse.GetValue(port), stderr, ct).ConfigureAwait(false);
            var address = emulator.Address.ToString().TrimEnd('/');
            await stdout.WriteLineAsync($"nomad-gitops {BuildInfo.Version}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Nomad emulator listening on {address}").ConfigureAwait(false);
            using var nomad = new NomadClient(new NomadClientOptions { Address = address });
            var healthy = await ConnectivityCheck.RunAsync(nomad, stdout, ct).ConfigureAwait(false);
            if (!healthy || parse.GetValue(once))
            {
                return healthy ? ExitCodes.Ok : ExitCodes.Failed;
            }

            await stdout.WriteLineAsync($"Point the nomad CLI at it with: export NOMAD_ADDR={address}").ConfigureAwait(false);
            await stdout.WriteLineAsync("Serving until Ctrl-C.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<NomadEmulator> StartEmulatorAsync(int port, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            return await NomadEmulator.StartAsync(new EmulatorOptions { Port = port }, ct).ConfigureAwait(false);
        }
        catch (IOException e) when (port != 0 && e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            await stderr.WriteLineAsync($"Port {port} is in use; the emulator takes a free port instead.").ConfigureAwait(false);
            return await NomadEmulator.StartAsync(new EmulatorOptions(), ct).ConfigureAwait(false);
        }
    }
}

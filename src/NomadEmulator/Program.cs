using System.Globalization;
using System.Runtime.InteropServices;
using Nomad.Emulator;

// The Nomad emulator as a program: `dotnet run --project src/NomadEmulator -- --port 4646`.
var options = new EmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var port):
            options = options with { Port = port };
            i++;
            break;
        case "--acl":
            options = options with { AclEnabled = true };
            break;
        case "--management-token" when i + 1 < args.Length:
            options = options with { ManagementToken = args[++i] };
            break;
        case "--unix-socket" when i + 1 < args.Length:
            options = options with { UnixSocketPath = args[++i] };
            break;
        case "--nomad-version" when i + 1 < args.Length:
            options = options with { NomadVersion = args[++i] };
            break;
        case "--deployment-duration" when i + 1 < args.Length && GoDuration.TryParse(args[i + 1], out var duration):
            options = options with { DeploymentDuration = duration };
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("""
                nomad-emulator: an in-memory stand-in for Nomad's HTTP API, on 127.0.0.1.

                  --port N                   port to listen on (default: a free port, printed)
                  --acl                      require tokens; the management token is printed
                  --management-token T       secret ID of the management token (with --acl)
                  --unix-socket PATH         also serve on this unix socket (as a task's api.sock)
                  --nomad-version V          the Nomad release to answer as (default 1.10.5; plan takes a
                                             workload identity from 2.0.4, parse from 1.11.1)
                  --deployment-duration D    how long deployments run before they finish (Go duration, default 2s)
                """);
            return 0;
        default:
            await Console.Error.WriteLineAsync($"nomad-emulator: unknown or incomplete argument \"{args[i]}\"; see --help").ConfigureAwait(false);
            return 2;
    }
}

// SIGTERM (a script, a Nomad task, `docker stop`), SIGINT (Ctrl-C) and SIGQUIT stop serving and end the process,
// within the shutdown timeout; the web host itself takes no signals (EmbeddedHostLifetime).
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

await using var emulator = await NomadEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
Console.WriteLine($"Nomad emulator listening on {emulator.Address.ToString().TrimEnd('/')}");
if (options.AclEnabled)
{
    Console.WriteLine($"ACLs on; management token: {options.ManagementToken}");
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
}

await Console.Out.WriteLineAsync("Nomad emulator stopping").ConfigureAwait(false);
return 0;

void Stop(PosixSignalContext context)
{
    // Handled here: the runtime's default (terminate at once) is replaced by a graceful stop.
    context.Cancel = true;
    stop.Cancel();
}

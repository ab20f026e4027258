using System.Globalization;
using Nomad.Client;
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
                  --deployment-duration D    how long deployments run before they finish (Go duration, default 2s)
                """);
            return 0;
        default:
            await Console.Error.WriteLineAsync($"nomad-emulator: unknown or incomplete argument \"{args[i]}\"; see --help").ConfigureAwait(false);
            return 2;
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

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

return 0;

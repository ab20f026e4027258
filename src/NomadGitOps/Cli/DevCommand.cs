using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Server;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops dev</c>: the newcomer's first command. Starts the Nomad emulator in this process (or uses the
/// Nomad <c>--address</c> names), turns the shipped sample jobs into a local git repository, creates its
/// GitRepository object, and runs the controllers, logging each step; commits to that repository are applied
/// as they land. Ctrl-C stops it.
/// </summary>
internal static class DevCommand
{
    private const string RepositoryName = "samples";

    /// <summary>The webhook receiver <c>dev</c> creates (generic: a bearer token, no payload needed).</summary>
    public const string ReceiverName = "dev";

    /// <summary>The variable holding the dev receiver's token.</summary>
    public const string ReceiverSecretPath = "nomad-gitops/secrets/dev-webhook";

    private const int PortsToTry = 20;

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port")
        {
            Description = "Port for the embedded Nomad emulator on 127.0.0.1 (0: any free port)",
            DefaultValueFactory = _ => 4646,
        };
        var address = new Option<string?>("--address", "--addr") { Description = "Use this Nomad instead of an embedded emulator" };
        var repoDir = new Option<string?>("--repo-dir") { Description = $"The sample repository (default {SampleRepository.DefaultDirectory}; made from the shipped samples when missing)" };
        var interval = new Option<string>("--interval") { Description = "How often each object is checked", DefaultValueFactory = _ => "10s" };
        var once = new Option<bool>("--once") { Description = "Sync once, print the results, and exit" };
        var httpAddr = new Option<string?>("--http-addr") { Description = "host:port of the HTTP server (default 127.0.0.1:9090, or the next free port)" };
        var logFormat = LogOptions.Format();
        var logLevel = LogOptions.Level();
        var command = new Command("dev", "Run nomad-gitops on a sample repository against an embedded Nomad emulator (no cluster needed)")
        {
            port, address, repoDir, interval, once, httpAddr, logFormat, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            await stdout.WriteLineAsync($"nomad-gitops {BuildInfo.Version}").ConfigureAwait(false);
            await using var emulator = parse.GetValue(address) is { Length: > 0 } ? null : await StartEmulatorAsync(parse.GetValue(port), stderr, ct).ConfigureAwait(false);
            var nomadAddress = emulator?.Address.ToString().TrimEnd('/') ?? parse.GetValue(address)!;
            if (emulator is not null)
            {
                await stdout.WriteLineAsync($"Nomad emulator listening on {nomadAddress} (export NOMAD_ADDR={nomadAddress} for the nomad CLI)").ConfigureAwait(false);
            }

            var nomadOptions = NomadClientOptions.FromEnvironment() with { Address = nomadAddress };
            using var nomad = new NomadClient(nomadOptions);
            if (!await ConnectivityCheck.RunAsync(nomad, stdout, ct).ConfigureAwait(false))
            {
                return ExitCodes.Failed;
            }

            var (repository, created) = await SampleRepository.EnsureAsync(parse.GetValue(repoDir) ?? SampleRepository.DefaultDirectory, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"Sample repository {(created ? "created" : "reused")} at {repository}: edit a job file there and `git commit -am …` to see it applied.").ConfigureAwait(false);
            await EnsureGitRepositoryObjectAsync(nomad, repository, parse.GetValue(interval)!, ct).ConfigureAwait(false);

            string[] run = ["run", "--address", nomadAddress, "--interval", parse.GetValue(interval)!];
            Func<Uri, CancellationToken, Task>? listening = null;
            run = [.. run, .. Forward(logFormat.Name, parse.GetValue(logFormat)), .. Forward(logLevel.Name, parse.GetValue(logLevel))];
            if (parse.GetValue(once))
            {
                run = [.. run, "--once"];
            }
            else
            {
                if (await HttpAddressAsync(parse.GetValue(httpAddr), stderr).ConfigureAwait(false) is not { } http)
                {
                    return ExitCodes.Usage;
                }

                var token = await EnsureReceiverAsync(nomad, ct).ConfigureAwait(false);
                run = [.. run, "--http-addr", http.ToString()];

                // Printed once Kestrel has bound, so --http-addr 127.0.0.1:0 shows the port it got, not 0.
                listening = async (bound, _) =>
                {
                    var hook = $"{bound.GetLeftPart(UriPartial.Authority)}{HookPath.For(token, ReceiverName, "default")}";
                    await stdout.WriteLineAsync($"Webhook receiver \"{ReceiverName}\" (generic) at {hook}; after a commit, trigger a sync at once with:").ConfigureAwait(false);
                    await stdout.WriteLineAsync($"  curl -X POST -H 'Authorization: Bearer {token}' {hook}").ConfigureAwait(false);
                };
            }

            return await RunCommand.Create(stdout, stderr, listening: listening).Parse(run)
                .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static string[] Forward(string flag, string? value) => value is null ? [] : [flag, value];

    private static async Task EnsureGitRepositoryObjectAsync(NomadClient nomad, string repository, string interval, CancellationToken ct)
    {
        var variable = new Variable
        {
            Path = ObjectKey.GitRepository(RepositoryName).ToPath(ObjectKey.DefaultPrefix),
            Items = new Dictionary<string, string>
            {
                [ItemKeys.Url] = new Uri(repository).AbsoluteUri,
                [ItemKeys.Interval] = interval,
                [ItemKeys.Prune] = "true",
            },
        };

        // cas=0: an object that already exists (a second dev run against the same Nomad) is the user's; keep it.
        await nomad.Variables.PutAsync(variable, cas: 0, ct: ct).ConfigureAwait(false);
    }

    // The address asked for, else 127.0.0.1:9090 or the next free port.
    private static async Task<HttpAddress?> HttpAddressAsync(string? asked, TextWriter stderr)
    {
        if (asked is not null)
        {
            if (HttpAddress.TryParse(asked, out var parsed, out var error))
            {
                return parsed;
            }

            await stderr.WriteLineAsync("--http-addr: " + error).ConfigureAwait(false);
            return null;
        }

        var first = HttpAddress.DevDefault;
        for (var port = first.Port; port < first.Port + PortsToTry; port++)
        {
            if (IsFree(first.Host, port))
            {
                return first with { Port = port };
            }
        }

        return first with { Port = FreePort(first.Host) };
    }

    private static bool IsFree(IPAddress host, int port)
    {
        using var probe = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(host, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort(IPAddress host)
    {
        using var probe = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(host, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    // The dev receiver and its secret; an existing secret (a second dev run against the same Nomad) is kept, so the URL stays.
    private static async Task<string> EnsureReceiverAsync(NomadClient nomad, CancellationToken ct)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var secret = new Variable { Path = ReceiverSecretPath, Items = new Dictionary<string, string> { [ItemKeys.Token] = token } };
        if (await nomad.Variables.PutAsync(secret, cas: 0, ct: ct).ConfigureAwait(false) is VariableWriteResult.Conflict { Current.Items: { } items }
            && items.TryGetValue(ItemKeys.Token, out var existing))
        {
            token = existing;
        }

        var receiver = new Variable
        {
            Path = ObjectKey.Receiver(ReceiverName).ToPath(ObjectKey.DefaultPrefix),
            Items = new Dictionary<string, string>
            {
                [ItemKeys.Type] = "generic",
                [ItemKeys.Secret] = ReceiverSecretPath,
                [ItemKeys.Repositories] = RepositoryName,
            },
        };
        await nomad.Variables.PutAsync(receiver, cas: 0, ct: ct).ConfigureAwait(false);
        return token;
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

using System.CommandLine;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>The flags <c>install</c> and <c>uninstall</c> share, and how they become <see cref="InstallSettings"/> and a client.</summary>
internal sealed record InstallOptions(Option<string?> Address, Option<string?> Token, Option<string> Namespace)
{
    /// <summary>Creates the shared flags.</summary>
    public static InstallOptions Create() => new(
        new Option<string?>("--address") { Description = "Nomad's address (default: NOMAD_ADDR, else http://127.0.0.1:4646)" },
        new Option<string?>("--token") { Description = "A management token (default: NOMAD_TOKEN); never printed" },
        new Option<string>("--namespace") { Description = "The controller's namespace: its job, objects and leader lock", DefaultValueFactory = _ => InstallSettings.Name });

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Address);
        command.Add(Token);
        command.Add(Namespace);
    }

    /// <summary>Nomad's settings from the environment, overridden by <c>--address</c> and <c>--token</c>.</summary>
    public NomadClientOptions Client(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = NomadEnvironment.Read() with { AuthMethod = null, MaxAttempts = 2 };
        if (parse.GetValue(Address) is { Length: > 0 } address)
        {
            options = options with { Address = address };
        }

        return parse.GetValue(Token) is { Length: > 0 } token ? options with { Token = token } : options;
    }
}

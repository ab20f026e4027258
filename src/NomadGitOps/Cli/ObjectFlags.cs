using System.CommandLine;
using System.Net;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>The connection flags every object verb takes.</summary>
internal sealed class ObjectFlags
{
    private readonly Option<string?> address = new("--address") { Description = "Nomad's address (default: NOMAD_ADDR, else http://127.0.0.1:4646)" };
    private readonly Option<string?> token = new("--token") { Description = "Nomad ACL token (default: NOMAD_TOKEN)" };
    private readonly Option<string?> prefix = new("--prefix") { Description = "Variable path prefix of the objects (NOMAD_GITOPS_PREFIX, default nomad-gitops/v1)" };
    private readonly Option<string?> ns = new("--namespace") { Description = "Nomad namespace of the object variables (NOMAD_GITOPS_NAMESPACE, default default)" };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(address);
        command.Options.Add(token);
        command.Options.Add(prefix);
        command.Options.Add(ns);
    }

    /// <summary>
    /// Opens a connection from the flags and the environment, runs <paramref name="verb"/> with it, and turns Nomad's
    /// refusals and an unreachable Nomad into a sentence on stderr and exit 1; bad settings are exit 2.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, TextWriter stderr, Func<ObjectConnection, Task<int>> verb)
    {
        var settings = EngineSettings.FromEnvironment(null, out _);
        var objectOptions = new ObjectStoreOptions
        {
            Prefix = parse.GetValue(prefix) ?? settings.Prefix,
            Namespace = parse.GetValue(ns) ?? settings.Namespace,
        };
        var errors = new List<string>();
        if (ObjectKey.ValidatePrefix(objectOptions.Prefix) is { } prefixError)
        {
            errors.Add(prefixError);
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var clientOptions = NomadEnvironment.Read();
        if (parse.GetValue(address) is { Length: > 0 } explicitAddress)
        {
            clientOptions = clientOptions with { Address = explicitAddress };
        }

        if (parse.GetValue(token) is { Length: > 0 } explicitToken)
        {
            clientOptions = clientOptions with { Token = explicitToken };
        }

        using var connection = ObjectConnection.Open(new NomadClient(clientOptions with { MaxAttempts = 2 }), objectOptions);
        try
        {
            return await verb(connection).ConfigureAwait(false);
        }
        catch (NomadApiException e)
        {
            await stderr.WriteLineAsync(Explain(e, clientOptions.RedactedAddress)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"Nomad at {clientOptions.RedactedAddress} cannot be reached: {e.Message}. Check NOMAD_ADDR or --address.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static string Explain(NomadApiException e, string address) => e.StatusCode switch
    {
        HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized =>
            $"Nomad at {address} refused the token ({e.Method} {e.Path}: {e.NomadMessage}). Check NOMAD_TOKEN or --token: it needs variable read/write on the object prefix.",
        _ => $"Nomad at {address} answered {e.Method} {e.Path} with an error: {e.Message}",
    };
}

using System.CommandLine;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops check</c>: can nomad-gitops work with the Nomad that <c>NOMAD_ADDR</c> (and the other
/// <c>NOMAD_*</c> variables, as for the <c>nomad</c> CLI) names? Exits non-zero when not.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout)
    {
        var address = new Option<string?>("--address") { Description = "Nomad's address (default: NOMAD_ADDR, else http://127.0.0.1:4646)" };
        var command = new Command("check", "Check that Nomad answers and the token can read nomad-gitops objects") { address };
        command.SetAction(async (parse, ct) =>
        {
            var options = NomadClientOptions.FromEnvironment();
            if (parse.GetValue(address) is { Length: > 0 } explicitAddress)
            {
                options = options with { Address = explicitAddress };
            }

            using var nomad = new NomadClient(options with { MaxAttempts = 2 });
            return await ConnectivityCheck.RunAsync(nomad, stdout, ct).ConfigureAwait(false) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}

using System.CommandLine;
using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops check</c>: can nomad-gitops work with the Nomad that <c>NOMAD_ADDR</c> (and the other
/// <c>NOMAD_*</c> variables, as for the <c>nomad</c> CLI) names, with this token? Checks that Nomad answers, then
/// tries each call the controller makes (<see cref="CapabilityCheck"/>) and names every missing capability.
/// Exits non-zero when anything is missing.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout)
    {
        var address = new Option<string?>("--address") { Description = "Nomad's address (default: NOMAD_ADDR, else http://127.0.0.1:4646)" };
        var token = new Option<string?>("--token") { Description = "ACL token secret ID (default: NOMAD_TOKEN); never printed" };
        var scopeOptions = ControllerScope.Options.Create();
        var command = new Command("check", "Check that Nomad answers and the token allows every call the controller makes") { address, token };
        scopeOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (ControllerScope.From(parse, scopeOptions, out var problems) is not { } scope)
            {
                foreach (var problem in problems)
                {
                    await stdout.WriteLineAsync($"  FAIL  {problem}").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            var options = NomadEnvironment.Read();
            if (parse.GetValue(address) is { Length: > 0 } explicitAddress)
            {
                options = options with { Address = explicitAddress };
            }

            if (parse.GetValue(token) is { Length: > 0 } explicitToken)
            {
                options = options with { Token = explicitToken };
            }

            await stdout.WriteLineAsync(TokenSource(options)).ConfigureAwait(false);
            using var nomad = new NomadClient(options with { MaxAttempts = 2 });
            var reached = await ConnectivityCheck.RunAsync(nomad, stdout, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(NomadEnvironment.DescribeMode(nomad)).ConfigureAwait(false);
            if (!reached)
            {
                return ExitCodes.Failed;
            }

            return await CapabilityCheck.RunAsync(nomad, scope, stdout, ct).ConfigureAwait(false) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    // Where the token comes from; the mode (ACL token, identity as is, identity exchanged) is printed after the first call.
    private static string TokenSource(NomadClientOptions options) => options switch
    {
        { TokenFile: { } file, Token: not null } => $"  auth  token from {file} (re-read once on a 403)",
        { TokenFile: { } file } => $"  auth  no token: {file} is missing or empty",
        { Token: not null } => "  auth  ACL token from NOMAD_TOKEN or --token",
        _ => "  auth  no token (anonymous)",
    };
}

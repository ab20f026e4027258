using Nomad.Client;

namespace NomadGitOps.Cli;

/// <summary>
/// Checks that nomad-gitops can work with a Nomad: it answers, has a leader, and lets this token list
/// the variables under the object prefix (where every nomad-gitops object lives).
/// </summary>
internal static class ConnectivityCheck
{
    /// <summary>The variable prefix objects live under unless configured otherwise.</summary>
    public const string DefaultPrefix = "nomad-gitops/v1";

    /// <summary>Prints one line per check; returns true when every check passed.</summary>
    public static async Task<bool> RunAsync(NomadClient nomad, TextWriter stdout, CancellationToken ct)
    {
        try
        {
            var leader = await nomad.Status.LeaderAsync(ct).ConfigureAwait(false);
            if (leader.Length == 0)
            {
                await stdout.WriteLineAsync($"  FAIL  Nomad at {nomad.Options.RedactedAddress} has no cluster leader").ConfigureAwait(false);
                return false;
            }

            await stdout.WriteLineAsync($"  ok    Nomad at {nomad.Options.RedactedAddress}, leader {leader}").ConfigureAwait(false);
            var objects = await nomad.Variables.ListAllAsync(new QueryOptions { Prefix = DefaultPrefix + "/" }, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"  ok    variables under {DefaultPrefix}/ readable ({objects.Value.Count} objects)").ConfigureAwait(false);
            return true;
        }
        catch (NomadApiException e)
        {
            await stdout.WriteLineAsync($"  FAIL  {e.Message}").ConfigureAwait(false);
            return false;
        }
    }
}

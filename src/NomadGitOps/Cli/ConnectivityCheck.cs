using System.Text.Json;

namespace NomadGitOps.Cli;

/// <summary>Checks that a Nomad answers: its leader and its agent's region.</summary>
internal static class ConnectivityCheck
{
    /// <summary>Prints one line per check; returns true when every check passed.</summary>
    public static async Task<bool> RunAsync(Uri address, string? token, TextWriter stdout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Nomad-Token", token);
        }

        try
        {
            var leader = JsonSerializer.Deserialize<string>(await http.GetStringAsync(new Uri("/v1/status/leader", UriKind.Relative), ct).ConfigureAwait(false));
            await stdout.WriteLineAsync($"  ok  cluster leader: {leader}").ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException e)
        {
            await stdout.WriteLineAsync($"  FAIL  cannot reach Nomad at {address}: {e.Message}").ConfigureAwait(false);
            return false;
        }
    }
}

using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// The secrets scan (issue 12 §3): every credential the run used (webhook secret, API token, git passwords, the SSH
/// private key, a password written into a URL) is looked for in the controller's log, every status item of every
/// object, the API's object list, the health answers, the status page, its JSON twin and every object's page, the metrics and every HTTP answer the corpus got.
/// </summary>
internal static class SecretsScan
{
    /// <summary>Where each secret was found (empty when none leaked), and how many texts were scanned.</summary>
    public static async Task<(int Places, List<string> Found)> FindAsync(BadInputWorld world, IReadOnlyList<string> answers, CancellationToken ct)
    {
        var places = new List<(string Where, string Text)> { ("the controller's log", world.Controller.Output) };
        places.AddRange(answers.Select((a, i) => ($"HTTP answer {i}", a)));
        foreach (var variable in (await world.Client.Variables.ListAsync(new Nomad.Client.QueryOptions { Prefix = ObjectKey.DefaultPrefix }, ct)).Value)
        {
            var items = (await world.Client.Variables.ReadAsync(variable.Path, ct: ct)).Value?.Items ?? new Dictionary<string, string>();
            places.AddRange(items.Where(i => ItemKeys.IsStatus(i.Key)).Select(i => ($"{variable.Path} {i.Key}", i.Value)));
        }

        var pages = new List<string> { "/api/v1/objects", "/readyz", "/healthz", "/", "/status.json", "/metrics" };
        foreach (var variable in (await world.Client.Variables.ListAsync(new Nomad.Client.QueryOptions { Prefix = ObjectKey.DefaultPrefix }, ct)).Value)
        {
            if (ObjectKey.TryParsePath(ObjectKey.DefaultPrefix, variable.Path, out var key))
            {
                pages.Add(NomadGitOps.Server.StatusPage.StatusReader.LinkOf(key));
            }
        }

        foreach (var path in pages)
        {
            var (_, body) = await world.SendAsync(new BadInputKind.Request("GET", path, [], null, ("Authorization", "Bearer " + BadInputWorld.ApiToken)), ct);
            places.Add(($"GET {path}", body));
        }

        var found = (from secret in world.Secrets
                     from place in places
                     where place.Text.Contains(secret, StringComparison.Ordinal)
                     select $"a secret ({secret[..Math.Min(4, secret.Length)]}…) appears in {place.Where}").ToList();
        return (places.Count, found);
    }
}

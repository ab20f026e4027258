using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops bootstrap --url URL [--name N] [--branch B] [--path P] [--secret S]</c>: creates the first
/// GitRepository (checked by the controller's own parser, never overwriting one that exists) and says what to do next.
/// </summary>
internal static class BootstrapCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var url = new Option<string>("--url") { Description = "The repository URL (https, ssh, scp-like, git, file)", Required = true };
        var name = new Option<string?>("--name") { Description = "Name of the GitRepository (default: the URL's last segment without .git)" };
        var branch = new Option<string?>("--branch") { Description = "Branch to follow (default main)" };
        var path = new Option<string?>("--path") { Description = "Folder of the repository holding the job files (default .)" };
        var secret = new Option<string?>("--secret") { Description = "Path of the variable holding the credentials" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("bootstrap", "Create the first GitRepository and print what to do next") { url, name, branch, path, secret, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var repoUrl = parse.GetValue(url)!;
            var repoName = parse.GetValue(name) ?? NameFromUrl(repoUrl);
            var items = new Dictionary<string, string>(StringComparer.Ordinal) { [ItemKeys.Url] = repoUrl };
            Add(items, ItemKeys.Branch, parse.GetValue(branch));
            Add(items, ItemKeys.Path, parse.GetValue(path));
            Add(items, ItemKeys.Secret, parse.GetValue(secret));
            ObjectKey key;
            try
            {
                key = ObjectKey.GitRepository(repoName);
                _ = key.ToPath(connection.Options.Prefix);
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync($"\"{repoName}\" cannot name a GitRepository: {e.Message} Pass --name.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (SpecCheck.Errors(key, items) is { Count: > 0 } errors)
            {
                foreach (var error in errors)
                {
                    await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            if (!await connection.Store.CreateAsync(key, items, ct).ConfigureAwait(false))
            {
                await stderr.WriteLineAsync($"{key} exists already; it was left as it is. Look at it with 'nomad-gitops get repo {repoName}', or pass another --name.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await CliJson.WriteAsync(stdout, new { created = key.ToString(), path = key.ToPath(connection.Options.Prefix), items }).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await stdout.WriteLineAsync($"Created {key} ({key.ToPath(connection.Options.Prefix)}) following {repoUrl}.").ConfigureAwait(false);
            await stdout.WriteLineAsync($"""
                Next:
                  nomad-gitops run                        # start the controller (or deploy it as a Nomad job, see deploy/)
                  nomad-gitops reconcile repo {repoName}   # fetch now and wait for the result
                  nomad-gitops get jobs                   # the jobs found in the repository and their state
                """).ConfigureAwait(false);
            if (parse.GetValue(secret) is { } secretPath)
            {
                await stdout.WriteLineAsync($"  nomad var put {secretPath} username=... password=...   # the credentials it reads").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The last path segment of <paramref name="url"/> without <c>.git</c>: <c>git@host:team/apps.git</c> → <c>apps</c>.</summary>
    public static string NameFromUrl(string url)
    {
        var trimmed = url.TrimEnd('/');
        var cut = trimmed.LastIndexOfAny(['/', ':']);
        var last = cut >= 0 ? trimmed[(cut + 1)..] : trimmed;
        return last.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? last[..^4] : last;
    }

    private static void Add(Dictionary<string, string> items, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items[key] = value;
        }
    }
}

using System.CommandLine;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops apply -f FILE|DIR</c>: creates or updates objects from YAML or JSON files. Every object is checked
/// with the controller's parser first and nothing is written when one is invalid. An object's spec becomes exactly the
/// file's (spec items not in the file are removed); its status items are kept; each write is CAS, read again on a
/// conflict. Prints one line per object (created, configured, unchanged) and a summary.
/// </summary>
internal static class ApplyCommand
{
    private const int MaxConflictRetries = 5;

    private static readonly IReadOnlyList<string> Actions = ["created", "configured", "unchanged"];

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "A file or folder of .yaml/.yml/.json files (repeatable)", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("apply", "Create or update objects from YAML or JSON files") { files, output };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var manifests = new List<ObjectManifest>();
            var errors = new List<string>();
            foreach (var given in parse.GetValue(files)!)
            {
                var found = ManifestReader.Files(given);
                if (found.Count == 0)
                {
                    await stderr.WriteLineAsync($"{given}: no such file, or a folder without .yaml, .yml or .json files.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                foreach (var file in found)
                {
                    var (objects, problems) = ManifestReader.Read(file, await File.ReadAllTextAsync(file, ct).ConfigureAwait(false));
                    manifests.AddRange(objects);
                    errors.AddRange(problems);
                }
            }

            foreach (var manifest in manifests)
            {
                errors.AddRange(SpecCheck.Errors(manifest.Key, manifest.Spec).Select(e => $"{manifest.Source}: {manifest.Key}: {e.Message}"));
            }

            foreach (var duplicate in manifests.GroupBy(m => m.Key).Where(g => g.Count() > 1))
            {
                errors.Add($"{duplicate.Key} is given {duplicate.Count()} times ({string.Join(", ", duplicate.Select(m => m.Source))}).");
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await stderr.WriteLineAsync(error).ConfigureAwait(false);
                }

                await stderr.WriteLineAsync("Nothing was applied.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            var results = new List<(ObjectManifest Manifest, string Action)>();
            foreach (var manifest in manifests)
            {
                results.Add((manifest, await ApplyAsync(connection.Store, manifest, ct).ConfigureAwait(false)));
            }

            var summary = string.Join(", ", Actions.Select(a => $"{results.Count(r => r.Action == a)} {a}"));
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await CliJson.WriteAsync(stdout, new
                {
                    objects = results.Select(r => new { @object = r.Manifest.Key.ToString(), source = r.Manifest.Source, action = r.Action }),
                    summary,
                }).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var (manifest, action) in results)
            {
                await stdout.WriteLineAsync($"{manifest.Key} {action}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"{results.Count} objects: {summary}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<string> ApplyAsync(ObjectStore store, ObjectManifest manifest, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var current = await store.ReadAsync(manifest.Key, ct).ConfigureAwait(false);
            if (current is null)
            {
                if (await store.CreateAsync(manifest.Key, manifest.Spec, ct).ConfigureAwait(false))
                {
                    return "created";
                }

                continue;
            }

            var wanted = new Dictionary<string, string>(manifest.Spec, StringComparer.Ordinal);
            foreach (var (key, value) in current.Items.Where(i => ItemKeys.IsStatus(i.Key)))
            {
                wanted[key] = value;
            }

            if (wanted.Count == current.Items.Count && wanted.All(i => current.Items.TryGetValue(i.Key, out var v) && v == i.Value))
            {
                return "unchanged";
            }

            if (await store.ReplaceAsync(manifest.Key, wanted, current.ModifyIndex, ct).ConfigureAwait(false))
            {
                return "configured";
            }
        }

        throw new InvalidOperationException($"{manifest.Key} changed {MaxConflictRetries} times in a row while applying it; try again.");
    }
}

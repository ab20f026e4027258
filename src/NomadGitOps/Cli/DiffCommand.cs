using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using Spectre.Console;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops diff [repo NAME]</c>: plans every NomadJob of a repository (or of all) at the repository's current
/// commit, as the controller would register it, and prints Nomad's diff as <c>nomad job plan</c> does; registers
/// nothing. Exit 0 when nothing would change, 1 when something would, 2 on an error (any job that could not be planned;
/// the others are still planned and printed). HCL2 files are parsed where the controllers parse them
/// (<c>NOMAD_GITOPS_PARSE_ON</c>, or <c>--parse-on</c>), so the plan is of the job they would register. See docs/cli.md.
/// </summary>
internal static class DiffCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kind = ObjectTarget.KindArgument(ObjectKind.GitRepository);
        kind.Arity = ArgumentArity.ZeroOrOne;
        var name = new Argument<string?>("NAME") { Description = "The GitRepository whose jobs are planned; all repositories when left out", Arity = ArgumentArity.ZeroOrOne };
        var controllerName = new Option<string?>("--controller-name") { Description = "The controller whose ownership meta the jobs carry (NOMAD_GITOPS_CONTROLLER_NAME, default nomad-gitops)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Git cache to fetch into (default: a temporary directory, removed afterwards)" };
        var parseOn = new Option<ParseOn?>("--parse-on") { Description = "Where HCL2 job files are parsed, as the controllers do: local (Nomad.Hcl, the default) or server (Nomad's parse endpoint) (NOMAD_GITOPS_PARSE_ON)" };
        var output = OutputOption.Create();
        var flags = new ObjectFlags();
        var command = new Command("diff", "Plan the jobs of a repository at its current commit and print Nomad's diff (registers nothing; exit 1 when something would change)")
        {
            kind, name, controllerName, cacheDir, parseOn, output,
        };
        flags.AddTo(command);
        command.SetAction((parse, ct) => flags.RunAsync(parse, stderr, async connection =>
        {
            var repository = parse.GetValue(name);
            if (parse.GetValue(kind) is not null && repository is null)
            {
                await stderr.WriteLineAsync("diff repo NAME: name the repository, or leave out both to plan every repository's jobs.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var settings = EngineSettings.FromEnvironment(null, out var problems);
            var where = parse.GetValue(parseOn);
            if (where is null && problems.FirstOrDefault(p => p.StartsWith("NOMAD_GITOPS_PARSE_ON=", StringComparison.Ordinal)) is { } wrong)
            {
                await stderr.WriteLineAsync($"nomad-gitops diff: {wrong}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var managedBy = parse.GetValue(controllerName) ?? settings.ControllerName;
            var ownCache = parse.GetValue(cacheDir) is null;
            var cache = parse.GetValue(cacheDir) ?? Path.Combine(Path.GetTempPath(), "nomad-gitops-diff-" + Guid.NewGuid().ToString("N")[..12]);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddGitSources(cache);
            services.AddSingleton(connection.Nomad);
            services.AddSingleton(new JobFileParserOptions { ParseOn = where ?? settings.ParseOn });
            services.AddSingleton<JobFileParser>();
            services.AddSingleton<DesiredJobReader>();
            await using var provider = services.BuildServiceProvider();
            try
            {
                var planner = new JobDiffPlanner(connection, provider.GetRequiredService<GitCache>(), provider.GetRequiredService<DesiredJobReader>(), managedBy);
                IReadOnlyList<JobDiffResult> results;
                try
                {
                    results = await CliConsole.WithProgressAsync(stderr, "Planning jobs…", _ => planner.PlanAsync(repository, ct)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NomadApiException or HttpRequestException)
                {
                    await stderr.WriteLineAsync($"Nomad could not list the objects: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                await PrintAsync(results, parse.GetValue(output), stdout, stderr).ConfigureAwait(false);
                return results.Any(r => r.Error is not null) ? ExitCodes.Usage : results.Any(r => r.Changes) ? ExitCodes.Failed : ExitCodes.Ok;
            }
            finally
            {
                if (ownCache && Directory.Exists(cache))
                {
                    DeleteCache(cache);
                }
            }
        }));
        return command;
    }

    private static async Task PrintAsync(IReadOnlyList<JobDiffResult> results, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        var changed = results.Count(r => r.Changes);
        var errors = results.Count(r => r.Error is not null);
        var unchanged = results.Count - changed - errors;
        if (format == OutputFormat.Json)
        {
            await CliJson.WriteAsync(stdout, new
            {
                jobs = results.Select(r => new
                {
                    @object = r.Key.ToString(),
                    job = r.JobId,
                    file = r.File,
                    commit = r.Commit,
                    type = r.DiffType,
                    changes = r.Changes,
                    diff = r.Diff,
                    error = r.Error,
                }),
                changed,
                unchanged,
                errors,
            }).ConfigureAwait(false);
            return;
        }

        var console = CliConsole.Create(stdout);
        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                await stderr.WriteLineAsync("Error: " + error).ConfigureAwait(false);
            }
            else if (!result.Changes)
            {
                console.MarkupLine(Markup.Escape($"{result.Key}: no changes ({result.File} at {Short(result.Commit)})."));
            }
            else
            {
                console.MarkupLine(PlanDiffText.Markup(result.Diff!));
                console.WriteLine();
            }
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count - errors} job(s) planned: {changed} would change, {unchanged} unchanged; {errors} error(s).")).ConfigureAwait(false);
    }

    private static string Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit ?? "-";

    // Bare repositories have read-only pack files; clear the flag so the folder can go.
    private static void DeleteCache(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(directory, recursive: true);
    }
}

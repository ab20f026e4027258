using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// <c>nomad-gitops validate [DIR]</c>: checks the job files of a checkout with no cluster, for CI. Selects the files as
/// the NomadJobIndex controller would (<c>--path</c>, <c>--include</c>, <c>--exclude</c>, or the items of a GitRepository
/// object given with <c>--repository</c>), renders them locally, and runs Nomad's register validation on each. Exits 0
/// when every file is valid, 1 when any is not (or none was selected), 2 for a wrong command line.
/// </summary>
internal static class ValidateCommand
{
    // Only to satisfy the spec parser: validate never fetches anything.
    private const string PlaceholderUrl = "file:///nomad-gitops-validate";

    /// <summary>Builds the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string?>("DIR") { Description = "The checkout to check (default: the current directory)", Arity = ArgumentArity.ZeroOrOne };
        var path = new Option<string?>("--path") { Description = "Folder below DIR searched for job files, as the GitRepository's path item (default: all of DIR)" };
        var include = new Option<string?>("--include") { Description = $"Regex selecting job files by their path below --path (default {GitRepositorySpec.DefaultInclude})" };
        var exclude = new Option<string?>("--exclude") { Description = "Regex leaving files out by their path below --path" };
        var varFiles = new Option<string[]>("--var-file") { Description = "A var file for HCL2 job files (repeatable; relative to the current directory)" };
        var vars = new Option<string[]>("--var") { Description = "A variable for HCL2 job files as name=value (repeatable)" };
        var ns = new Option<string?>("--namespace") { Description = "Namespace of jobs whose file names none, as the GitRepository's namespace item (default: default)" };
        var repository = new Option<string?>("--repository") { Description = "Take path, include, exclude, namespace, variables and var_files from a GitRepository object's items (nomad var get -out json, or key=value lines)" };
        var output = OutputOption.Create();
        var command = new Command("validate", "Check the job files of a checkout without a cluster (for CI): exit 1 when any is invalid")
        {
            directory, path, include, exclude, varFiles, vars, ns, repository, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new List<string>();
            var input = await ReadInputAsync(
                parse.GetValue(directory),
                parse.GetValue(repository),
                new Dictionary<string, string?>
                {
                    [ItemKeys.Path] = parse.GetValue(path),
                    [ItemKeys.Include] = parse.GetValue(include),
                    [ItemKeys.Exclude] = parse.GetValue(exclude),
                    [ItemKeys.Namespace] = parse.GetValue(ns),
                },
                parse.GetValue(varFiles) ?? [],
                parse.GetValue(vars) ?? [],
                errors,
                ct).ConfigureAwait(false);
            if (input is null)
            {
                foreach (var error in errors)
                {
                    await stderr.WriteLineAsync($"nomad-gitops validate: {error}").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }

            ValidateReport report;
            try
            {
                report = await ValidateJobFiles.RunAsync(input, ct).ConfigureAwait(false);
            }
            catch (RegexMatchTimeoutException e)
            {
                await stderr.WriteLineAsync($"nomad-gitops validate: the pattern \"{e.Pattern}\" took longer than {e.MatchTimeout.TotalSeconds:0}s on \"{e.Input}\" (the same limit as in the controller): simplify --include or --exclude").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(output) == OutputFormat.Json)
            {
                await ValidateOutput.WriteJsonAsync(report, stdout).ConfigureAwait(false);
            }
            else
            {
                await ValidateOutput.WriteTableAsync(report, stdout).ConfigureAwait(false);
            }

            return report.Valid ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// Turns the command line into a <see cref="ValidateInput"/>, reading the GitRepository items and the var files;
    /// null (with every problem in <paramref name="errors"/>) when the command line is wrong.
    /// </summary>
    private static async Task<ValidateInput?> ReadInputAsync(
        string? directoryArgument,
        string? repositoryFile,
        Dictionary<string, string?> flagItems,
        string[] varFileFlags,
        string[] varFlags,
        List<string> errors,
        CancellationToken ct)
    {
        var root = Path.GetFullPath(string.IsNullOrEmpty(directoryArgument) ? "." : directoryArgument);
        var rootInfo = new DirectoryInfo(root);
        if (!rootInfo.Exists)
        {
            errors.Add($"directory {root} does not exist: name the checkout to check (default: the current directory)");
            return null;
        }

        // Filesystem functions compare resolved paths with the root, so the root is resolved too (macOS's /tmp, /var).
        root = ResolveLinks(root);

        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        if (repositoryFile is not null)
        {
            if (!File.Exists(repositoryFile))
            {
                errors.Add($"--repository {repositoryFile} does not exist");
                return null;
            }

            var (read, problem) = ValidateRepositoryFile.Parse(await File.ReadAllTextAsync(repositoryFile, ct).ConfigureAwait(false));
            if (read is null)
            {
                errors.Add($"--repository {repositoryFile} {problem}");
                return null;
            }

            items = read;
        }

        items.TryAdd(ItemKeys.Url, PlaceholderUrl);
        foreach (var (key, value) in flagItems)
        {
            if (value is not null)
            {
                items[key] = value;
            }
        }

        var parsed = GitRepositorySpec.Parse(items);
        foreach (var error in parsed.Errors)
        {
            errors.Add(flagItems.GetValueOrDefault(error.Key) is not null
                ? error.Message.Replace($"item \"{error.Key}\"", $"--{error.Key}", StringComparison.Ordinal)
                : $"--repository {repositoryFile}: {error.Message}");
        }

        var varFiles = new List<ValidateVarFile>();
        foreach (var name in parsed.Spec?.VarFiles ?? [])
        {
            var full = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));
            varFiles.Add(new ValidateVarFile(name, File.Exists(full) ? await ReadTextAsync(full, ct).ConfigureAwait(false) : null));
        }

        foreach (var name in varFileFlags)
        {
            if (File.Exists(name))
            {
                varFiles.Add(new ValidateVarFile(name, await ReadTextAsync(name, ct).ConfigureAwait(false)));
            }
            else
            {
                errors.Add($"--var-file {name} does not exist (relative paths start from the current directory, {Path.GetFullPath(".")})");
            }
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in varFlags)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"--var \"{pair}\" is not name=value");
                continue;
            }

            variables[pair[..equals]] = pair[(equals + 1)..];
        }

        if (parsed.Spec is { } spec && spec.Path != "." && !Directory.Exists(Path.Combine(root, spec.Path.Replace('/', Path.DirectorySeparatorChar))))
        {
            errors.Add($"path {spec.Path} does not exist in {root}");
        }

        return errors.Count > 0 || parsed.Spec is null ? null : new ValidateInput(root, parsed.Spec, varFiles, variables);
    }

    /// <summary><paramref name="directory"/> with every symbolic link on its way replaced by its target.</summary>
    private static string ResolveLinks(string directory)
    {
        var rootOfPath = Path.GetPathRoot(directory) ?? "/";
        var current = rootOfPath;
        foreach (var segment in directory[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = ResolveLinks(Path.GetFullPath(target.FullName));
            }
        }

        return current;
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken ct) =>
        Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
}

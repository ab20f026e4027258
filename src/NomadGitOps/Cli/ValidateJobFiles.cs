using System.Text;
using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;
using Nomad.Hcl;
using NomadGitOps.Objects;
using ControllerJobFileParser = NomadGitOps.Rendering.JobFileParser;
using HclJobFileParser = Nomad.Hcl.JobFileParser;
using JobFileVariables = NomadGitOps.Rendering.JobFileVariables;

using JsonJobFile = NomadGitOps.Rendering.JsonJobFile;

namespace NomadGitOps.Cli;

/// <summary>
/// The checks of <c>nomad-gitops validate</c>, with no cluster: selects job files as the NomadJobIndex controller does
/// (<c>path</c>, <c>include</c>, <c>exclude</c>), renders each (HCL2 with Nomad.Hcl, filesystem functions confined to the
/// directory; JSON as the controller reads it), runs Nomad's register admission and validation on the job, then the
/// index's cross-file check (one job ID in one namespace claimed by two files).
/// </summary>
internal static class ValidateJobFiles
{
    // The name Nomad gives the var-file text it parses (what Nomad.Hcl writes in var-file errors).
    private const string NomadInputName = "input.hcl";
    private const string VarContentError = "unable to parse var content: ";

    /// <summary>Checks every selected job file of <paramref name="input"/>; never throws for a file's content.</summary>
    public static async Task<ValidateReport> RunAsync(ValidateInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var varProblems = VarFileProblems(input.VarFiles);
        var varContent = new JobFileVariables(input.Spec.Variables, [.. input.VarFiles.Select(v => v.Text ?? "")]).Combined();
        var results = new List<ValidateFileResult>();
        foreach (var file in SelectFiles(input.Directory, input.Spec))
        {
            var full = Path.Combine(input.Directory, file.Replace('/', Path.DirectorySeparatorChar));
            string text;
            try
            {
                text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(full, ct).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var format = ControllerJobFileParser.IsJson(file) ? ControllerJobFileParser.JsonFormat : ControllerJobFileParser.Hcl2Format;
                results.Add(new ValidateFileResult(file, format, null, null, [$"{file}: could not be read: {e.Message}"], []));
                continue;
            }

            results.Add(ControllerJobFileParser.IsJson(file)
                ? CheckJson(file, text, input.Spec)
                : CheckHcl(file, text, input, varContent, varProblems));
        }

        return new ValidateReport(input.Directory, input.Spec.Path, input.Spec.Include.ToString(), input.Spec.Exclude?.ToString(), MarkDuplicates(results));
    }

    /// <summary>
    /// The regular files under the spec's <c>path</c> that <c>include</c> selects and <c>exclude</c> does not (the index's
    /// rule, <see cref="JobFileSelection"/>), relative to <paramref name="directory"/>, in ordinal order.
    /// Like the index's <c>git ls-tree</c> listing, symbolic links and <c>.git</c> are left out.
    /// </summary>
    public static IReadOnlyList<string> SelectFiles(string directory, GitRepositorySpec spec)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(spec);
        var selection = spec.JobFiles;
        var folder = selection.Folder;
        var start = new DirectoryInfo(Path.Combine(directory, folder.Replace('/', Path.DirectorySeparatorChar)));
        var files = new List<string>();
        if (start.Exists)
        {
            Walk(start, folder, files);
        }

        return [.. files.Where(selection.Selects).Order(StringComparer.Ordinal)];
    }

    private static void Walk(DirectoryInfo directory, string relative, List<string> files)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false };
        foreach (var entry in directory.EnumerateFileSystemInfos("*", options))
        {
            if (entry.LinkTarget is not null || entry.Name == ".git")
            {
                continue;
            }

            if (entry is DirectoryInfo child)
            {
                Walk(child, relative + child.Name + "/", files);
            }
            else
            {
                files.Add(relative + entry.Name);
            }
        }
    }

    private static ValidateFileResult CheckHcl(string file, string text, ValidateInput input, string? varContent, List<string> varProblems)
    {
        var result = new ValidateFileResult(file, ControllerJobFileParser.Hcl2Format, null, null, [], []);
        if (varProblems.Count > 0)
        {
            return result with { Errors = varProblems };
        }

        if (text.Length == 0)
        {
            // The parse endpoint's own check, before any HCL is parsed (command/agent/job_endpoint.go, jobsParseRequest).
            return result.WithError($"{file}: Job spec is empty");
        }

        var parsed = HclJobFileParser.Parse(text, new JobParseOptions
        {
            FileName = file,
            VarFileContent = varContent,
            Variables = input.Variables,
            FileSystemRoot = input.Directory,
            Canonicalize = false,
        });
        if (parsed.Job is not { } job)
        {
            return result with { Errors = HclErrors(parsed) };
        }

        // Parsed without canonicalizing, so the namespace is the file's own (Canonicalize would write "default").
        var jobId = JsonJobFile.StringField(job, "ID");
        if (string.IsNullOrEmpty(jobId))
        {
            return result.WithError($"{file}: holds no job ID: give the job block a name (job \"web\" {{ ... }})");
        }

        return Admit(result, job, jobId, JsonJobFile.StringField(job, "Namespace"), input.Spec);
    }

    private static ValidateFileResult CheckJson(string file, string text, GitRepositorySpec spec)
    {
        var result = new ValidateFileResult(file, ControllerJobFileParser.JsonFormat, null, null, [], []);
        var (job, jobId, ns, problem) = JsonJobFile.Read(text);
        return problem is not null ? result.WithError($"{file}: {problem}") : Admit(result, job!, jobId!, ns, spec);
    }

    /// <summary>
    /// Nomad's register admission of the job in the namespace the index gives it (the file's own, else the repository's
    /// <c>namespace</c>, else <c>default</c>), as <c>nomad job validate</c> reports it.
    /// </summary>
    private static ValidateFileResult Admit(ValidateFileResult result, JsonObject job, string jobId, string? fileNamespace, GitRepositorySpec spec)
    {
        var ns = string.IsNullOrEmpty(fileNamespace) ? spec.Namespace ?? NomadJobSpec.DefaultNamespace : fileNamespace;
        result = result with { JobId = jobId, Namespace = ns };
        var apiJob = job.DeepClone().AsObject();
        foreach (var key in apiJob.Select(p => p.Key).Where(k => string.Equals(k, "Namespace", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            apiJob.Remove(key);
        }

        apiJob["Namespace"] = ns;
        AdmissionResult admitted;
        try
        {
            admitted = JobAdmission.Admit(apiJob);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidCastException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            // A JSON job whose fields have the wrong types: Nomad refuses its decoding before any validation.
            return result.WithError($"{result.File}: Nomad could not decode the job: {e.Message}");
        }

        var errors = admitted.ValidationErrors.Count > 0
            ? admitted.ValidationErrors.Select(e => e.Trim()).ToList()
            : admitted.Error is { } error ? [error.Trim()] : [];
        return result with { Errors = errors, Warnings = [.. admitted.Warnings] };
    }

    private static List<string> HclErrors(JobParseResult parsed) =>
        parsed.Errors.Count == 0 || parsed.ErrorText.StartsWith(VarContentError, StringComparison.Ordinal)
            ? [parsed.ErrorText]
            : [.. parsed.Errors.Select(e => e.ToString())];

    /// <summary>Var files that are missing or do not parse: every HCL2 job file fails with these, as in the index.</summary>
    private static List<string> VarFileProblems(IReadOnlyList<ValidateVarFile> varFiles)
    {
        var problems = new List<string>();
        foreach (var varFile in varFiles)
        {
            if (varFile.Text is null)
            {
                problems.Add($"Var file {varFile.Name} (item var_files) does not exist: add it or remove it from var_files.");
                continue;
            }

            var parsed = HclJobFileParser.Parse("", new JobParseOptions { VarFileContent = varFile.Text });
            if (parsed.ErrorText.StartsWith(VarContentError, StringComparison.Ordinal))
            {
                problems.Add($"Var file {varFile.Name} does not parse: {parsed.ErrorText[VarContentError.Length..].Replace(NomadInputName, varFile.Name, StringComparison.Ordinal)}");
            }
        }

        return problems;
    }

    /// <summary>
    /// The index's rule for one job (namespace + ID) defined by several files: the first in ordinal path order keeps it,
    /// every other file is an error naming both.
    /// </summary>
    private static List<ValidateFileResult> MarkDuplicates(List<ValidateFileResult> results)
    {
        var owners = new Dictionary<(string Namespace, string JobId), string>();
        var marked = new List<ValidateFileResult>(results.Count);
        foreach (var result in results)
        {
            if (result.JobId is not { } jobId || result.Namespace is not { } ns)
            {
                marked.Add(result);
            }
            else if (owners.TryGetValue((ns, jobId), out var owner))
            {
                marked.Add(result.WithError(
                    $"job \"{jobId}\" in namespace \"{ns}\" is also defined by {owner}, which keeps it: the controller reports {result.File} as a conflict and never applies it; rename one of the jobs or remove a file"));
            }
            else
            {
                owners[(ns, jobId)] = result.File;
                marked.Add(result);
            }
        }

        return marked;
    }
}

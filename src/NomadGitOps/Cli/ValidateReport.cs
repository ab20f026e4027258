namespace NomadGitOps.Cli;

/// <summary>The outcome of <c>nomad-gitops validate</c> over one directory.</summary>
/// <param name="Directory">The checked directory (absolute).</param>
/// <param name="Path">The folder below it searched for job files (<c>.</c> for all of it).</param>
/// <param name="Include">The <c>include</c> pattern that selected the files.</param>
/// <param name="Exclude">The <c>exclude</c> pattern, or null for none.</param>
/// <param name="Files">One result per selected job file, in ordinal path order.</param>
internal sealed record ValidateReport(string Directory, string Path, string Include, string? Exclude, IReadOnlyList<ValidateFileResult> Files)
{
    /// <summary>How many files are valid.</summary>
    public int ValidCount => Files.Count(f => f.Valid);

    /// <summary>How many files are invalid.</summary>
    public int InvalidCount => Files.Count - ValidCount;

    /// <summary>True when at least one file was selected and every one is valid.</summary>
    public bool Valid => Files.Count > 0 && InvalidCount == 0;

    /// <summary>The closing line: <c>3 job files: 2 valid, 1 invalid</c>, or why nothing was checked.</summary>
    public string Summary => Files.Count == 0
        ? $"0 job files: nothing under {Describe(Path)} matches include \"{Include}\"{(Exclude is null ? "" : $" and not exclude \"{Exclude}\"")}; check --path, --include and --exclude"
        : $"{Files.Count} job file{(Files.Count == 1 ? "" : "s")}: {ValidCount} valid, {InvalidCount} invalid";

    private string Describe(string path) => path == "." ? Directory : $"{Directory}/{path}";
}

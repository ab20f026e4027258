namespace NomadGitOps.Cli;

/// <summary>What <c>nomad-gitops validate</c> found for one job file.</summary>
/// <param name="File">The file's path relative to the checked directory, with <c>/</c> separators.</param>
/// <param name="Format"><c>hcl2</c> or <c>json</c>, as the controller reads the file.</param>
/// <param name="JobId">The job's ID; null when the file could not be read as a job.</param>
/// <param name="Namespace">The namespace the controller would register the job in; null with <paramref name="JobId"/>.</param>
/// <param name="Errors">Every error, as Nomad words it (file positions name the file); empty when valid.</param>
/// <param name="Warnings">Nomad's admission warnings (a register would answer them too).</param>
internal sealed record ValidateFileResult(
    string File,
    string Format,
    string? JobId,
    string? Namespace,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when the controller could register this file's job as it is.</summary>
    public bool Valid => Errors.Count == 0;

    /// <summary>This result with <paramref name="error"/> added.</summary>
    public ValidateFileResult WithError(string error) => this with { Errors = [.. Errors, error] };
}

using System.Text.RegularExpressions;

namespace NomadGitOps.Objects;

/// <summary>
/// Which files of a commit are a GitRepository's job files: those under <paramref name="Path"/> whose path below it
/// <paramref name="Include"/> matches and <paramref name="Exclude"/> does not. The one rule behind the GitRepository's
/// job-file count, the NomadJobIndex and <c>nomad-gitops validate</c>.
/// </summary>
/// <param name="Path">The folder searched, relative and normalized (<c>.</c> for the root).</param>
/// <param name="Include">Selects files by their path below <paramref name="Path"/>.</param>
/// <param name="Exclude">Leaves out files by their path below <paramref name="Path"/>; null for none.</param>
internal sealed record JobFileSelection(string Path, Regex Include, Regex? Exclude)
{
    /// <summary><see cref="Path"/> as a prefix of repository paths: empty for the root, else the folder and a slash.</summary>
    public string Folder => Path is "." or "" ? "" : Path + "/";

    /// <summary>
    /// True when the file at <paramref name="repositoryPath"/> (relative to the repository's root) is a job file. A
    /// pattern that runs out of its match timeout throws <see cref="RegexMatchTimeoutException"/>
    /// (<see cref="GitRepositorySpec.SlowPatternMessage"/>).
    /// </summary>
    public bool Selects(string repositoryPath)
    {
        ArgumentNullException.ThrowIfNull(repositoryPath);
        var folder = Folder;
        if (!repositoryPath.StartsWith(folder, StringComparison.Ordinal))
        {
            return false;
        }

        var below = repositoryPath[folder.Length..];
        return Include.IsMatch(below) && (Exclude is null || !Exclude.IsMatch(below));
    }
}

using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>
/// What a GitRepository follows: a branch (default <c>main</c>), a tag, a semver range, or a commit. The spec
/// (<see cref="Objects.GitRepositorySpec"/>) holds one as written; <see cref="Checked"/> applies the rules git needs
/// before the reference goes to a remote.
/// </summary>
/// <param name="Kind">Which selector.</param>
/// <param name="Value">Branch name, tag name, range expression, or commit sha.</param>
internal sealed partial record GitReference(GitReferenceKind Kind, string Value)
{
    /// <summary>The default selector, branch <c>main</c>.</summary>
    public static GitReference DefaultBranch { get; } = new(GitReferenceKind.Branch, "main");

    /// <summary>Follows a branch.</summary>
    public static GitReference Branch(string name) => new(GitReferenceKind.Branch, CheckRefName("branch", name));

    /// <summary>Follows a tag.</summary>
    public static GitReference Tag(string name) => new(GitReferenceKind.Tag, CheckRefName("tag", name));

    /// <summary>Follows the highest tag in a semver range.</summary>
    public static GitReference Semver(string range)
    {
        _ = SemverRange.Parse(range);
        return new(GitReferenceKind.Semver, range);
    }

    /// <summary>Pins a full commit sha.</summary>
    public static GitReference Commit(string sha)
    {
        if (!FullSha().IsMatch(sha))
        {
            throw new GitException(GitErrorKind.InvalidSpec, $"commit '{sha}' is not a full 40-character commit sha: give the whole sha.");
        }
        return new(GitReferenceKind.Commit, sha.ToLowerInvariant());
    }

    /// <summary>
    /// This reference through the factory of its kind: throws <see cref="GitException"/>
    /// (<see cref="GitErrorKind.InvalidSpec"/>) for a ref name git refuses, a range that does not parse, or a commit
    /// that is not 40 hex digits.
    /// </summary>
    public GitReference Checked() => Kind switch
    {
        GitReferenceKind.Branch => Branch(Value),
        GitReferenceKind.Tag => Tag(Value),
        GitReferenceKind.Semver => Semver(Value),
        _ => Commit(Value),
    };

    /// <summary>Says what is followed, e.g. <c>branch main</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Value}";

    // The parts of git check-ref-format that matter here: no refspec or glob characters, no "..", no leading "-".
    private static string CheckRefName(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!RefName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal)
            || name.EndsWith(".lock", StringComparison.Ordinal) || name.EndsWith('/') || name.Contains("//", StringComparison.Ordinal))
        {
            throw new GitException(GitErrorKind.InvalidSpec,
                $"{kind} '{name}' is not a valid git ref name: no spaces, '..', or any of ~^:?*[\\ and it must not start with '-' or '/'.");
        }
        return name;
    }

    [GeneratedRegex(@"^[^\-/\s~^:?*\[\\\x00-\x1f\x7f][^\s~^:?*\[\\\x00-\x1f\x7f]*$")]
    private static partial Regex RefName();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex FullSha();
}

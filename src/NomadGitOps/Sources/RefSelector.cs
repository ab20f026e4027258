using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>What a GitRepository follows: a branch (default <c>main</c>), a tag, a semver range, or a commit.</summary>
/// <param name="Kind">Which selector.</param>
/// <param name="Value">Branch name, tag name, range expression, or 40-hex commit sha.</param>
internal sealed partial record RefSelector(RefKind Kind, string Value)
{
    /// <summary>The default selector, branch <c>main</c>.</summary>
    public static RefSelector DefaultBranch { get; } = new(RefKind.Branch, "main");

    /// <summary>Follows a branch.</summary>
    public static RefSelector Branch(string name) => new(RefKind.Branch, CheckRefName("branch", name));

    /// <summary>Follows a tag.</summary>
    public static RefSelector Tag(string name) => new(RefKind.Tag, CheckRefName("tag", name));

    /// <summary>Follows the highest tag in a semver range.</summary>
    public static RefSelector Semver(string range)
    {
        _ = SemverRange.Parse(range);
        return new(RefKind.Semver, range);
    }

    /// <summary>Pins a full commit sha.</summary>
    public static RefSelector Commit(string sha)
    {
        if (!FullSha().IsMatch(sha))
        {
            throw new GitException(GitErrorKind.InvalidSpec, $"commit '{sha}' is not a full 40-character commit sha: give the whole sha.");
        }
        return new(RefKind.Commit, sha.ToLowerInvariant());
    }

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

namespace NomadGitOps.Objects;

/// <summary>What a GitRepository follows: exactly one of branch, tag, semver range or commit.</summary>
/// <param name="Kind">Which selector.</param>
/// <param name="Value">The branch or tag name, the range, or the full lowercase commit SHA.</param>
internal sealed record GitReference(GitReferenceKind Kind, string Value)
{
    /// <summary>The branch followed when no selector is given.</summary>
    public static GitReference DefaultBranch { get; } = new(GitReferenceKind.Branch, "main");

    /// <summary>As written in the spec: <c>branch=main</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}={Value}";
}

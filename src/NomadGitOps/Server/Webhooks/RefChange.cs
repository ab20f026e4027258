namespace NomadGitOps.Server.Webhooks;

/// <summary>One ref a push moved: <c>refs/heads/main</c> or <c>refs/tags/v1.2.0</c>, and whether the push deleted it.</summary>
internal sealed record RefChange(string Ref, bool Deleted)
{
    /// <summary>The branch name when <see cref="Ref"/> is a branch, else null.</summary>
    public string? Branch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : null;

    /// <summary>The tag name when <see cref="Ref"/> is a tag, else null.</summary>
    public string? Tag => Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? Ref["refs/tags/".Length..] : null;
}

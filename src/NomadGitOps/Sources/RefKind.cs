namespace NomadGitOps.Sources;

/// <summary>Which of a GitRepository's ref selectors is set.</summary>
internal enum RefKind
{
    /// <summary>A branch; its tip is followed.</summary>
    Branch,

    /// <summary>A tag; annotated tags are peeled to their commit.</summary>
    Tag,

    /// <summary>A semver range over tags; the highest matching tag wins.</summary>
    Semver,

    /// <summary>A pinned full commit sha.</summary>
    Commit,
}

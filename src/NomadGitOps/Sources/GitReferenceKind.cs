namespace NomadGitOps.Sources;

/// <summary>Which spec item of a GitRepository selects its commit.</summary>
internal enum GitReferenceKind
{
    /// <summary>A branch (<c>branch</c>, default <c>main</c>); its tip is followed.</summary>
    Branch,

    /// <summary>A tag (<c>tag</c>); annotated tags are peeled to their commit.</summary>
    Tag,

    /// <summary>A semver range over tags (<c>semver</c>); the highest matching tag wins.</summary>
    Semver,

    /// <summary>A pinned commit (<c>commit</c>).</summary>
    Commit,
}

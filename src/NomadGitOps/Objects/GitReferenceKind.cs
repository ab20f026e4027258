namespace NomadGitOps.Objects;

/// <summary>Which spec item selects the commit of a GitRepository.</summary>
internal enum GitReferenceKind
{
    /// <summary>The head of a branch (<c>branch</c>, default <c>main</c>).</summary>
    Branch,

    /// <summary>A tag (<c>tag</c>).</summary>
    Tag,

    /// <summary>The highest tag matching a semver range (<c>semver</c>).</summary>
    Semver,

    /// <summary>A pinned commit (<c>commit</c>).</summary>
    Commit,
}

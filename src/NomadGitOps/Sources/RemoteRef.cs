namespace NomadGitOps.Sources;

/// <summary>A ref as resolved on the remote: its full name and the commit it points at (annotated tags peeled).</summary>
/// <param name="Name">Full ref name (<c>refs/heads/main</c>, <c>refs/tags/v1.2.0</c>), or the sha for a pinned commit.</param>
/// <param name="Commit">The 40-hex commit sha.</param>
internal sealed record RemoteRef(string Name, string Commit)
{
    /// <summary>Short form for status, e.g. <c>main@1a2b3c4d5e6f</c> or <c>v1.2.0@…</c>.</summary>
    public override string ToString()
    {
        var shortName = Name.StartsWith("refs/heads/", StringComparison.Ordinal) ? Name["refs/heads/".Length..]
            : Name.StartsWith("refs/tags/", StringComparison.Ordinal) ? Name["refs/tags/".Length..]
            : "commit";
        return $"{shortName}@{Commit[..12]}";
    }
}

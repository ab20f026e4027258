namespace NomadGitOps.Sources;

/// <summary>Every blob in the tree of one commit, by path: regular files and symlinks (whose blob is the link's target).</summary>
/// <param name="Blobs">Each blob by path from the repository root.</param>
/// <param name="RegularFiles">The regular files (modes 100644 and 100755), sorted by path (ordinal).</param>
internal sealed record CommitTree(IReadOnlyDictionary<string, ArtifactFile> Blobs, IReadOnlyList<ArtifactFile> RegularFiles);

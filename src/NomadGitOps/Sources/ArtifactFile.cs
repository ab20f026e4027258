namespace NomadGitOps.Sources;

/// <summary>A file in the tree of a commit.</summary>
/// <param name="Path">Path from the repository root, with <c>/</c> separators.</param>
/// <param name="BlobId">The git blob hash: equal content, equal id (the index's parse cache key).</param>
/// <param name="Size">Size in bytes.</param>
internal sealed record ArtifactFile(string Path, string BlobId, long Size);

namespace NomadGitOps.Objects;

/// <summary>
/// A version of an object this process wrote itself: the spec it replaced, so the prefix watcher can tell a spec change
/// of ours (already acted upon by the controller that wrote it) from one someone else made before our write.
/// </summary>
/// <param name="SpecHashBefore">The spec hash of the version the write replaced; null when the write created the object.</param>
internal sealed record OwnWrite(string? SpecHashBefore);

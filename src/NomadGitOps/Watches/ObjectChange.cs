using NomadGitOps.Objects;

namespace NomadGitOps.Watches;

/// <summary>One change the prefix watcher found: which object, and what happened to it.</summary>
/// <param name="Key">The object.</param>
/// <param name="Kind">Added, spec changed, or deleted.</param>
internal sealed record ObjectChange(ObjectKey Key, ObjectChangeKind Kind);

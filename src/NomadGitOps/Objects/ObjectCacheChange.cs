namespace NomadGitOps.Objects;

/// <summary>One change of the <see cref="ObjectCache"/>: the object's new version, or null when it was removed.</summary>
/// <param name="Key">The object.</param>
/// <param name="Current">The version now cached; null when the object left the cache (deleted).</param>
internal sealed record ObjectCacheChange(ObjectKey Key, StoredObject? Current);

using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>One object as written in a file for <c>apply</c>: which object, its spec items, and where it was written.</summary>
/// <param name="Key">The object.</param>
/// <param name="Spec">Its spec items (never status items).</param>
/// <param name="Source">File and document number, for messages: <c>apps.yaml#2</c>.</param>
internal sealed record ObjectManifest(ObjectKey Key, IReadOnlyDictionary<string, string> Spec, string Source);

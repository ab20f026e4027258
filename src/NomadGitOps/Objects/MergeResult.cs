namespace NomadGitOps.Objects;

/// <summary>The items to write after applying a <see cref="StatusPatch"/>, and whether writing them changes anything.</summary>
/// <param name="Items">Every item of the variable: the stored ones others own, ours applied, within 64 KiB.</param>
/// <param name="Changed">False when our items equal the stored ones: then nothing is written.</param>
internal sealed record MergeResult(IReadOnlyDictionary<string, string> Items, bool Changed);

namespace NomadGitOps.Objects;

/// <summary>One entry of the <see cref="ObjectCache"/>.</summary>
/// <param name="Object">The object: key, items and ModifyIndex.</param>
/// <param name="SpecHash">The <see cref="Objects.SpecHash"/> of its items.</param>
/// <param name="OwnWrite">Set when this version was written by this process (not read from Nomad).</param>
internal sealed record CachedObject(StoredObject Object, string SpecHash, OwnWrite? OwnWrite);

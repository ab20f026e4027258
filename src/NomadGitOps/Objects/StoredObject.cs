namespace NomadGitOps.Objects;

/// <summary>One object as read from its Nomad variable: its key, all its items (spec and status), and the CAS index.</summary>
internal sealed record StoredObject(ObjectKey Key, IReadOnlyDictionary<string, string> Items, ulong ModifyIndex);

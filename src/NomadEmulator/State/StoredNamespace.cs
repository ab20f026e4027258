namespace Nomad.Emulator.State;

/// <summary>A namespace (<c>structs.Namespace</c>): name, description, meta and indexes.</summary>
public sealed record StoredNamespace(
    string Name,
    string Description,
    IReadOnlyDictionary<string, string> Meta,
    long CreateIndex,
    long ModifyIndex);

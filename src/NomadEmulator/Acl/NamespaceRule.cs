namespace Nomad.Emulator.Acl;

/// <summary>A <c>namespace "name" { ... }</c> block: its expanded capabilities and variable path rules.</summary>
public sealed record NamespaceRule(string Name, IReadOnlyList<string> Capabilities, IReadOnlyList<VariablePathRule> VariablePaths);

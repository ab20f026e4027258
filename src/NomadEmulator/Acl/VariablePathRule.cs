namespace Nomad.Emulator.Acl;

/// <summary>A <c>path "spec" { capabilities = [...] }</c> block inside a namespace's <c>variables</c> block.</summary>
public sealed record VariablePathRule(string PathSpec, IReadOnlyList<string> Capabilities);

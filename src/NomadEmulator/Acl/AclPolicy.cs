namespace Nomad.Emulator.Acl;

/// <summary>A stored ACL policy: its name, description, raw rules and the namespace rules parsed from them.</summary>
public sealed record AclPolicy(string Name, string Description, string Rules, IReadOnlyList<NamespaceRule> Namespaces, long CreateIndex, long ModifyIndex);

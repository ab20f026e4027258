namespace Nomad.Emulator.Acl;

/// <summary>A stored ACL policy: its name, description, raw rules the namespace rules parsed from them, and the job it is bound to (workload identities), if any.</summary>
public sealed record AclPolicy(string Name, string Description, string Rules, IReadOnlyList<NamespaceRule> Namespaces, long CreateIndex, long ModifyIndex, JobAcl? JobAcl = null);

namespace Nomad.Emulator.Acl;

/// <summary>A stored ACL token (<c>structs.ACLToken</c>): <c>client</c> tokens carry policies, <c>management</c> ones allow everything.</summary>
public sealed record AclToken(
    string AccessorID,
    string SecretID,
    string Name,
    string Type,
    IReadOnlyList<string> Policies,
    DateTimeOffset CreateTime,
    long CreateIndex,
    long ModifyIndex)
{
    /// <summary>True for a management token.</summary>
    public bool IsManagement => Type == "management";
}

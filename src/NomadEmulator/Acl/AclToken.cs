namespace Nomad.Emulator.Acl;

/// <summary>A stored ACL token (<c>structs.ACLToken</c>; <c>ExpirationTime</c> set by a login through an auth method with <c>MaxTokenTTL</c>): <c>client</c> tokens carry policies, <c>management</c> ones allow everything.</summary>
public sealed record AclToken(
    string AccessorID,
    string SecretID,
    string Name,
    string Type,
    IReadOnlyList<string> Policies,
    DateTimeOffset CreateTime,
    long CreateIndex,
    long ModifyIndex,
    DateTimeOffset? ExpirationTime = null)
{
    /// <summary>True for a management token.</summary>
    public bool IsManagement => Type == "management";
}

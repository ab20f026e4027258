namespace Nomad.Emulator.Acl;

/// <summary>
/// An ACL binding rule (<c>structs.ACLBindingRule</c>): when <see cref="Selector"/> (go-bexpr over the mapped claims,
/// <c>value.&lt;name&gt;</c>) matches at login, the token gets <see cref="BindName"/> as a policy (<c>BindType</c>
/// <c>policy</c>) or is a management token (<c>management</c>). Roles are not emulated.
/// </summary>
public sealed record BindingRule(
    string ID,
    string Description,
    string AuthMethod,
    string Selector,
    string BindType,
    string BindName,
    long CreateIndex,
    long ModifyIndex);

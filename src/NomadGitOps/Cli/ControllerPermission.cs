namespace NomadGitOps.Cli;

/// <summary>
/// One Nomad endpoint the controller calls and the ACL capability Nomad checks for it.
/// <paramref name="AlsoAllowedBy"/> names another capability Nomad accepts instead (or that implies this one), if any;
/// <paramref name="NomadSource"/> says where in hashicorp/nomad the check is made.
/// </summary>
internal sealed record ControllerPermission(string Endpoint, PermissionScope Scope, string Capability, string? AlsoAllowedBy, string NomadSource);

namespace Nomad.Emulator.Acl;

/// <summary>The ACL answers' texts, each with the Nomad source it comes from.</summary>
public static class AclErrors
{
    /// <summary>403: no, unknown or insufficient token (<c>structs.ErrPermissionDenied</c>; an unknown secret also ends here in <c>nomad/auth/auth.go</c>, <c>Authenticate</c>).</summary>
    public const string PermissionDenied = "Permission denied";

    /// <summary>404 for <c>GET /v1/acl/policy/:name</c> (<c>command/agent/acl_endpoint.go</c>, <c>aclPolicyQuery</c>).</summary>
    public const string PolicyNotFound = "ACL policy not found";

    /// <summary>404 for a token lookup (<c>aclTokenQuery</c>, <c>aclTokenSelf</c>).</summary>
    public const string TokenNotFound = "ACL token not found";

    /// <summary>400 when the body's Name differs from the URL (<c>aclPolicyUpdate</c>).</summary>
    public const string PolicyNameMismatch = "ACL policy name does not match request path";

    /// <summary>400 (<c>ACLPolicySpecificRequest</c>).</summary>
    public const string MissingPolicyName = "Missing Policy Name";

    /// <summary>400 when ACLs are disabled and an ACL endpoint is called (<c>nomad/acl_endpoint.go</c>, <c>aclDisabled</c>).</summary>
    public const string AclDisabled = "ACL support disabled";

    /// <summary>400 from <c>ACL.UpsertPolicies</c>: <c>policy %d invalid: %v</c>, the cause a multierror from <c>ACLPolicy.Validate</c>.</summary>
    public static string PolicyInvalid(string cause) => $"policy 0 invalid: 1 error occurred:\n\t* failed to parse rules: {cause}\n\n";

    /// <summary>400 from <c>ACL.UpsertTokens</c> (<c>token %d invalid: %v</c>, <c>ACLToken.Validate</c>).</summary>
    public static string TokenInvalid(string cause) => $"token 0 invalid: 1 error occurred:\n\t* {cause}\n\n";
}

namespace Nomad.Client;

/// <summary>How the client authenticates to Nomad (<see cref="IdentityExchange"/> decides on the first request).</summary>
public enum AuthMode
{
    /// <summary>Not decided yet: no request has been sent.</summary>
    Undecided,

    /// <summary>No token: the anonymous policy applies.</summary>
    None,

    /// <summary>An ACL token (a secret ID) sent as is.</summary>
    AclToken,

    /// <summary>A workload identity (JWT) sent as is: the cluster takes it for every call the controller makes.</summary>
    WorkloadIdentity,

    /// <summary>A workload identity exchanged for an ACL token through a JWT auth method, logged in again before it expires.</summary>
    ExchangedIdentity,
}

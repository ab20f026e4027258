using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>Nomad's ACL login: exchanging an external token for an ACL token.</summary>
public sealed class AclClient
{
    private readonly NomadTransport _transport;

    internal AclClient(NomadTransport transport) => _transport = transport;

    /// <summary>
    /// <c>PUT /v1/acl/login</c> (<c>api.ACLAuth.Login</c>; body <c>structs.ACLLoginRequest</c>
    /// <c>{AuthMethodName, LoginToken}</c>, answer the new <c>ACLToken</c>). Sent without the client's token: the login
    /// token is the credential, and the client's own may be the expired one being replaced. Nomad answers
    /// <c>401 unable to validate provided token</c>, <c>400 auth-method "x" not found</c> or
    /// <c>400 no role or policy bindings matched</c> (<c>nomad/acl_endpoint.go</c>, <c>ACL.Login</c>).
    /// </summary>
    public async Task<AclToken> LoginAsync(string authMethodName, string loginToken, CancellationToken ct = default)
    {
        var body = new JsonObject { ["AuthMethodName"] = authMethodName, ["LoginToken"] = loginToken };
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Put, "/v1/acl/login") { Body = body, Query = _transport.WriteParameters(null), WithoutToken = true, SkipAuthentication = true }, ct).ConfigureAwait(false);
        return NomadJson.Read<AclToken>(response.Body) ?? throw new NomadApiException("PUT", "/v1/acl/login", response.StatusCode, "empty answer", isTransient: false, attempts: 1);
    }
}

using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>Nomad's ACL endpoints the controller and its installer use: login, policies, auth methods, binding rules (<c>api/acl.go</c>).</summary>
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

    /// <summary>
    /// <c>PUT /v1/acl/policy/:name</c>: creates or replaces a policy; with <paramref name="jobAcl"/> the policy is bound
    /// to that job's workload identities (<c>JobACL {Namespace, JobID, Group, Task}</c>, as
    /// <c>nomad acl policy apply -namespace NS -job JOB</c> sends it).
    /// </summary>
    public Task UpsertPolicyAsync(string name, string description, string rules, (string Namespace, string JobId)? jobAcl = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["Name"] = name, ["Description"] = description, ["Rules"] = rules };
        if (jobAcl is { } job)
        {
            body["JobACL"] = new JsonObject { ["Namespace"] = job.Namespace, ["JobID"] = job.JobId };
        }

        return WriteAsync(HttpMethod.Put, "/v1/acl/policy/" + NomadPath.Segment(name), body, ct);
    }

    /// <summary><c>DELETE /v1/acl/policy/:name</c>.</summary>
    public Task DeletePolicyAsync(string name, CancellationToken ct = default) =>
        WriteAsync(HttpMethod.Delete, "/v1/acl/policy/" + NomadPath.Segment(name), null, ct);

    /// <summary>The policy's JSON (<c>GET /v1/acl/policy/:name</c>), or null when there is none.</summary>
    public Task<JsonObject?> ReadPolicyAsync(string name, CancellationToken ct = default) =>
        ReadAsync("/v1/acl/policy/" + NomadPath.Segment(name), ct);

    /// <summary>
    /// Creates or updates an auth method (<c>PUT /v1/acl/auth-method</c>, or <c>/v1/acl/auth-method/:name</c> when it
    /// exists): <paramref name="method"/> is an <c>api.ACLAuthMethod</c> (<c>MaxTokenTTL</c> a Go duration string).
    /// </summary>
    public async Task UpsertAuthMethodAsync(JsonObject method, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        var name = method["Name"]!.GetValue<string>();
        var exists = await ReadAuthMethodAsync(name, ct).ConfigureAwait(false) is not null;
        await WriteAsync(HttpMethod.Put, exists ? "/v1/acl/auth-method/" + NomadPath.Segment(name) : "/v1/acl/auth-method", method, ct).ConfigureAwait(false);
    }

    /// <summary>The auth method's JSON, or null when there is none.</summary>
    public Task<JsonObject?> ReadAuthMethodAsync(string name, CancellationToken ct = default) =>
        ReadAsync("/v1/acl/auth-method/" + NomadPath.Segment(name), ct);

    /// <summary><c>DELETE /v1/acl/auth-method/:name</c> (Nomad deletes its binding rules with it).</summary>
    public Task DeleteAuthMethodAsync(string name, CancellationToken ct = default) =>
        WriteAsync(HttpMethod.Delete, "/v1/acl/auth-method/" + NomadPath.Segment(name), null, ct);

    /// <summary>The IDs of the binding rules of <paramref name="authMethod"/> (<c>GET /v1/acl/binding-rules</c>).</summary>
    public async Task<IReadOnlyList<string>> BindingRuleIdsAsync(string authMethod, CancellationToken ct = default)
    {
        var response = await _transport.SendAsync(new NomadRequest(HttpMethod.Get, "/v1/acl/binding-rules") { Query = _transport.ReadParameters(null) }, ct).ConfigureAwait(false);
        return [.. (NomadJson.Read<JsonArray>(response.Body) ?? [])
            .Where(r => r?["AuthMethod"]?.GetValue<string>() == authMethod)
            .Select(r => r!["ID"]!.GetValue<string>())];
    }

    /// <summary>Creates a binding rule (<c>PUT /v1/acl/binding-rule</c>), or updates <paramref name="id"/>; <paramref name="rule"/> is an <c>api.ACLBindingRule</c>.</summary>
    public Task UpsertBindingRuleAsync(JsonObject rule, string? id = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (id is not null)
        {
            rule["ID"] = id;
        }

        return WriteAsync(HttpMethod.Put, id is null ? "/v1/acl/binding-rule" : "/v1/acl/binding-rule/" + NomadPath.Segment(id), rule, ct);
    }

    /// <summary><c>DELETE /v1/acl/binding-rule/:id</c>.</summary>
    public Task DeleteBindingRuleAsync(string id, CancellationToken ct = default) =>
        WriteAsync(HttpMethod.Delete, "/v1/acl/binding-rule/" + NomadPath.Segment(id), null, ct);

    private async Task WriteAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct) =>
        await _transport.SendAsync(new NomadRequest(method, path) { Body = body, Query = _transport.WriteParameters(null) }, ct).ConfigureAwait(false);

    private async Task<JsonObject?> ReadAsync(string path, CancellationToken ct)
    {
        var response = await _transport.SendAsync(
            new NomadRequest(HttpMethod.Get, path) { Query = _transport.ReadParameters(null), Expected = new HashSet<System.Net.HttpStatusCode> { System.Net.HttpStatusCode.NotFound } }, ct).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : NomadJson.Read<JsonObject>(response.Body);
    }
}

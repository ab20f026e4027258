using Microsoft.AspNetCore.Http;
using Nomad.Emulator.Acl;

namespace Nomad.Emulator.State;

/// <summary>
/// ACL policies and tokens, and the checks every endpoint makes. With ACLs off every request is allowed
/// and counts as management, as in Nomad (<c>acl.ACLsDisabledACL</c>). With ACLs on, the token comes from
/// <c>X-Nomad-Token</c> or <c>Authorization: Bearer</c> (<c>command/agent/http.go</c>, <c>parseToken</c>);
/// <see cref="EmulatorOptions.ManagementToken"/> is the bootstrap management token.
/// </summary>
public sealed class AclTable(EmulatorOptions options)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, AclPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AclToken> _tokensBySecret = new(StringComparer.Ordinal);

    /// <summary>The signer of the workload identities of jobs "running" here; also a token a request may carry.</summary>
    public WorkloadIdentities Identities { get; } = new(options.TimeProvider, options.Region);

    /// <summary>ACL auth methods and binding rules (<c>/v1/acl/login</c>).</summary>
    public LoginTable Logins { get; } = new();

    /// <summary>True when ACLs are enforced.</summary>
    public bool Enabled => options.AclEnabled;

    /// <summary>True when the request's token may use <paramref name="capability"/> (e.g. <c>submit-job</c>) in <paramref name="ns"/>.</summary>
    public bool AllowsNamespace(HttpRequest request, string ns, string capability) =>
        Resolve(request)?.AllowsNamespace(ns, capability) ?? false;

    /// <summary>True when the request's token may use <paramref name="capability"/> (<c>read</c>, <c>write</c>, <c>list</c>, <c>destroy</c>) on a variable path.</summary>
    public bool AllowsVariable(HttpRequest request, string ns, string path, string capability) =>
        Resolve(request)?.AllowsVariable(ns, path, capability) ?? false;

    /// <summary>
    /// What the request's token may do; null when ACLs are on and the token is missing or unknown (then
    /// Nomad answers <c>403 Permission denied</c>). An absent token is the anonymous token, which has no
    /// policy here.
    /// </summary>
    public AclIdentity? Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.AclEnabled)
        {
            return AclIdentity.Management;
        }

        var secret = SecretOf(request);
        if (secret is null)
        {
            return AclIdentity.FromRules(PoliciesOf(["anonymous"]));
        }

        if (secret == options.ManagementToken)
        {
            return AclIdentity.Management;
        }

        if (WorkloadIdentities.LooksLikeJwt(secret))
        {
            return ResolveIdentity(secret);
        }

        lock (_sync)
        {
            if (!_tokensBySecret.TryGetValue(secret, out var token) || token.ExpirationTime <= options.TimeProvider.GetUtcNow())
            {
                return null;
            }

            return token.IsManagement ? AclIdentity.Management : AclIdentity.FromRules(PoliciesOf(token.Policies));
        }
    }

    /// <summary>The token a request carries, or null.</summary>
    public static string? SecretOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers["X-Nomad-Token"].ToString().Trim();
        if (header.Length > 0)
        {
            return header;
        }

        var parts = request.Headers.Authorization.ToString().Split(' ');
        if (parts.Length > 1 && parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            var value = string.Join(' ', parts[1..]).Trim().Split(' ')[0].Trim();
            return value.Length > 0 ? value : null;
        }

        return null;
    }

    /// <summary>Stores or replaces a policy.</summary>
    public void PutPolicy(AclPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_sync)
        {
            _policies[policy.Name] = _policies.TryGetValue(policy.Name, out var old) ? policy with { CreateIndex = old.CreateIndex } : policy;
        }
    }

    /// <summary>Deletes a policy; false when there was none.</summary>
    public bool DeletePolicy(string name)
    {
        lock (_sync)
        {
            return _policies.Remove(name);
        }
    }

    /// <summary>The policy with this name, or null.</summary>
    public AclPolicy? Policy(string name)
    {
        lock (_sync)
        {
            return _policies.GetValueOrDefault(name);
        }
    }

    /// <summary>Every policy, sorted by name.</summary>
    public IReadOnlyList<AclPolicy> Policies()
    {
        lock (_sync)
        {
            return [.. _policies.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Stores a token.</summary>
    public void PutToken(AclToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_sync)
        {
            _tokensBySecret[token.SecretID] = token;
        }
    }

    /// <summary>The token with this secret, or null.</summary>
    public AclToken? TokenBySecret(string secret)
    {
        lock (_sync)
        {
            return _tokensBySecret.GetValueOrDefault(secret);
        }
    }

    /// <summary>The token with this accessor ID, or null.</summary>
    public AclToken? TokenByAccessor(string accessor)
    {
        lock (_sync)
        {
            return _tokensBySecret.Values.FirstOrDefault(t => t.AccessorID == accessor);
        }
    }

    /// <summary>Deletes a token by accessor ID; false when there was none.</summary>
    public bool DeleteToken(string accessor)
    {
        lock (_sync)
        {
            var token = _tokensBySecret.Values.FirstOrDefault(t => t.AccessorID == accessor);
            return token is not null && _tokensBySecret.Remove(token.SecretID);
        }
    }

    /// <summary>Every token, sorted by accessor ID.</summary>
    public IReadOnlyList<AclToken> Tokens()
    {
        lock (_sync)
        {
            return [.. _tokensBySecret.Values.OrderBy(t => t.AccessorID, StringComparer.Ordinal)];
        }
    }

    /// <summary>Forgets every policy and token (the bootstrap management token stays).</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _policies.Clear();
            _tokensBySecret.Clear();
            Logins.Clear();
        }
    }

    /// <summary>
    /// A workload identity used as a token (<c>nomad/acl.go</c>, <c>ResolveClaims</c>): the policies whose
    /// <see cref="JobAcl"/> names its job (and group or task, when set); null when this emulator did not sign it.
    /// </summary>
    private AclIdentity? ResolveIdentity(string jwt)
    {
        if (Identities.Verify(jwt).Claims is not { } claims)
        {
            return null;
        }

        var ns = claims["nomad_namespace"]?.GetValue<string>() ?? "";
        var job = claims["nomad_job_id"]?.GetValue<string>() ?? "";
        var task = claims["nomad_task"]?.GetValue<string>() ?? "";
        var sub = (claims["sub"]?.GetValue<string>() ?? "").Split(':');
        var group = sub.Length > 3 ? sub[3] : "";
        lock (_sync)
        {
            return AclIdentity.FromRules(_policies.Values.Where(p => p.JobAcl?.Matches(ns, job, group, task) == true).SelectMany(p => p.Namespaces).ToList());
        }
    }

    private List<NamespaceRule> PoliciesOf(IEnumerable<string> names)
    {
        lock (_sync)
        {
            return [.. names.Select(n => _policies.GetValueOrDefault(n)).OfType<AclPolicy>().SelectMany(p => p.Namespaces)];
        }
    }
}

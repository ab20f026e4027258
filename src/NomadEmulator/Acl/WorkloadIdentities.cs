using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Nomad.Emulator.Acl;

/// <summary>
/// The emulator's workload-identity signer: one RSA key per emulator (as Nomad's keyring signs identities with the
/// active root key, RS256), tokens for a job's tasks, verification, and the public key as a JWKS
/// (<c>/.well-known/jwks.json</c>, <c>command/agent/keyring_endpoint.go</c>). Claims as in
/// <c>nomad/structs/workload_id.go</c> (<c>IdentityClaims</c>): <c>nomad_namespace</c>, <c>nomad_job_id</c>,
/// <c>nomad_allocation_id</c>, <c>nomad_task</c>, <c>sub</c> = <c>region:namespace:job:group:task:identity</c>, audience
/// <c>nomadproject.io</c> for the default identity, no expiry unless a TTL is given.
/// </summary>
public sealed class WorkloadIdentities : IDisposable
{
    /// <summary>The audience of a task's default identity (<c>structs.WorkloadIdentityDefaultAud</c>).</summary>
    public const string DefaultAudience = "nomadproject.io";

    private readonly RSA _key = RSA.Create(2048);
    private readonly TimeProvider _time;
    private readonly string _region;

    /// <summary>Creates a signer with a fresh key.</summary>
    public WorkloadIdentities(TimeProvider time, string region)
    {
        _time = time;
        _region = region;
        KeyId = Guid.NewGuid().ToString();
    }

    /// <summary>The key ID (<c>kid</c>) of the signing key.</summary>
    public string KeyId { get; }

    /// <summary>
    /// A signed workload identity for a task of <paramref name="jobId"/> in <paramref name="ns"/>; with
    /// <paramref name="ttl"/> it expires (<c>identity { ttl = … }</c>), without it it never does (the default identity).
    /// </summary>
    public string Issue(string ns, string jobId, string group, string task, TimeSpan? ttl = null, string audience = DefaultAudience)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["nomad_namespace"] = ns,
            ["nomad_job_id"] = jobId,
            ["nomad_allocation_id"] = Guid.NewGuid().ToString(),
            ["nomad_task"] = task,
            ["sub"] = $"{_region}:{ns}:{jobId}:{group}:{task}:default",
            ["aud"] = new JsonArray(audience),
            ["iat"] = now,
            ["nbf"] = now,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (ttl is { } life)
        {
            claims["exp"] = now + (long)life.TotalSeconds;
        }

        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>True when <paramref name="token"/> has the shape of a JWT (three dot-separated parts), not an ACL secret ID.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2 && token.Length > 36;

    /// <summary>
    /// The claims of a token this emulator signed, or the reason it is refused (bad signature, wrong key, expired, not
    /// yet valid): the texts of <c>lib/auth/jwt</c>'s validation errors, shortened.
    /// </summary>
    public (JsonObject? Claims, string? Error) Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, "malformed token");
        }

        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != "RS256" || header["kid"]?.GetValue<string>() != KeyId)
            {
                return (null, "failed to verify signature: no known key signed this token");
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!_key.VerifyData(signed, FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return (null, "failed to verify signature: invalid signature");
            }

            if (JsonNode.Parse(FromBase64Url(parts[1])) is not JsonObject claims)
            {
                return (null, "malformed token");
            }

            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            if (claims["exp"] is { } exp && exp.GetValue<long>() < now)
            {
                return (null, "token is expired");
            }

            if (claims["nbf"] is { } nbf && nbf.GetValue<long>() > now)
            {
                return (null, "token not valid yet");
            }

            return (claims, null);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or CryptographicException)
        {
            return (null, "malformed token");
        }
    }

    /// <summary>The public key as a JSON Web Key Set.</summary>
    public JsonObject Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64Url(parameters.Modulus!),
                ["e"] = Base64Url(parameters.Exponent!),
            }),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - (s.Length % 4)) % 4));
    }
}

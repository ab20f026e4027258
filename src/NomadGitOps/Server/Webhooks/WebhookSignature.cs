using System.Security.Cryptography;
using System.Text;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Checks that a delivery comes from someone holding the receiver's secret, the way each host signs, in constant time:
/// GitHub <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256(body)&gt;</c>; Gitea <c>X-Gitea-Signature</c>, Forgejo
/// <c>X-Forgejo-Signature</c> and Gogs <c>X-Gogs-Signature</c>: <c>&lt;hex HMAC-SHA256(JSON payload)&gt;</c> (the JSON
/// inside a form-encoded body, see <see cref="FormBody"/>); GitLab <c>X-Gitlab-Token</c> equal to the secret;
/// Bitbucket Server/Data Center and Cloud <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>; generic <c>X-Signature:
/// sha256=&lt;hex&gt;</c> or <c>Authorization: Bearer &lt;secret&gt;</c>.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>
    /// The secret as a host is given it: a trailing newline (left by <c>echo</c> or a file) is not part of it, and
    /// keeping it is a classic cause of HMACs that "randomly" fail.
    /// </summary>
    public static string TrimSecret(string token) => token.TrimEnd('\r', '\n');

    /// <summary>True when <paramref name="headers"/> carry a valid signature of <paramref name="body"/> for <paramref name="type"/>.</summary>
    public static bool IsValid(ReceiverType type, Func<string, string?> headers, ReadOnlySpan<byte> body, string token)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(token);
        var secret = TrimSecret(token);
        if (secret.Length == 0)
        {
            return false;
        }

        return type switch
        {
            ReceiverType.GitHub => HmacMatches(Prefixed(headers("X-Hub-Signature-256")), body, secret),
            ReceiverType.Gitea => GiteaMatches(headers("X-Gitea-Signature") ?? headers("X-Forgejo-Signature") ?? headers("X-Gogs-Signature"), body, secret),
            ReceiverType.GitLab => TextMatches(headers("X-Gitlab-Token"), secret),
            ReceiverType.Bitbucket => HmacMatches(Prefixed(headers("X-Hub-Signature")), body, secret),
            ReceiverType.Generic => headers("X-Signature") is { } signature
                ? HmacMatches(Prefixed(signature), body, secret)
                : TextMatches(Bearer(headers("Authorization")), secret),
            _ => false,
        };
    }

    /// <summary>The lower-case hex HMAC-SHA256 of <paramref name="body"/> with <paramref name="secret"/>, as hosts send it.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    // Gitea, Forgejo and Gogs sign the JSON payload; a hook set to "form" sends it as payload=<escaped JSON>.
    private static bool GiteaMatches(string? hex, ReadOnlySpan<byte> body, string secret) =>
        HmacMatches(hex, body, secret) || (FormBody.Payload(body) is { } json && HmacMatches(hex, json, secret));

    private static string? Prefixed(string? header) =>
        header is not null && header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? header["sha256=".Length..] : null;

    private static string? Bearer(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private static bool HmacMatches(string? hex, ReadOnlySpan<byte> body, string secret)
    {
        if (hex is null || hex.Length != 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(hex.Trim(), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    // Hashing both sides first keeps the comparison's time independent of where, and whether in length, they differ.
    private static bool TextMatches(string? given, string secret) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

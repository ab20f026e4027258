using System.Security.Cryptography;
using System.Text;

namespace NomadGitOps.Server.Api;

/// <summary>Checks the API's bearer token in constant time (both sides hashed first, so neither length nor prefix leaks).</summary>
internal static class ApiToken
{
    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;expected&gt;</c>.</summary>
    public static bool Matches(string? authorization, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = authorization["Bearer ".Length..].Trim();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}

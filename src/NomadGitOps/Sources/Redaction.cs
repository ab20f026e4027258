using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>Strips secrets from text before it reaches a log, a status message or an exception.</summary>
internal static partial class Redaction
{
    /// <summary>The marker put where a secret was.</summary>
    public const string Marker = "***";

    /// <summary>
    /// Replaces the user-info of every URL in <paramref name="text"/> (<c>https://user:pw@host</c> becomes
    /// <c>https://***@host</c>), every given secret value, and any HTTP Authorization header value.
    /// </summary>
    public static string Redact(string text, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = UserInfo().Replace(text, RedactUserInfo);
        result = AuthorizationHeader().Replace(result, "${name}" + Marker);
        foreach (var secret in secrets ?? [])
        {
            if (secret.Length >= 3)
            {
                result = result.Replace(secret, Marker, StringComparison.Ordinal);
                // Multi-line secrets (private keys) may show up line by line.
                foreach (var line in secret.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (line.Length >= 16)
                    {
                        result = result.Replace(line, Marker, StringComparison.Ordinal);
                    }
                }
            }
        }
        return result;
    }

    private static string RedactUserInfo(Match match)
    {
        // A user name alone is no secret on ssh (ssh://git@host); on http(s) it may be a token.
        var scheme = match.Groups["scheme"].Value;
        var isHttp = scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        return isHttp || match.Groups["info"].Value.Contains(':', StringComparison.Ordinal)
            ? scheme + Marker + "@"
            : match.Value;
    }

    /// <summary>The URL with any user-info removed entirely (<c>https://host/x</c>); scp-like URLs are kept.</summary>
    public static string WithoutUserInfo(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return UserInfo().Replace(url, "${scheme}");
    }

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?<info>[^/@\s]+)@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<name>Authorization:\s*(Basic|Bearer)\s+)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();
}

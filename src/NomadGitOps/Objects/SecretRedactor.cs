using System.Text.RegularExpressions;

namespace NomadGitOps.Objects;

/// <summary>
/// Strips secrets from text before it reaches status, logs or metrics: credentials in URLs
/// (<c>https://user:pw@host</c> → <c>https://***@host</c>; on ssh and other schemes only the password goes),
/// HTTP Authorization values, and the known secret values it was made with (the items of a credentials variable).
/// </summary>
internal sealed partial class SecretRedactor
{
    /// <summary>What stands where a secret was.</summary>
    public const string Marker = "***";

    /// <summary>Secret values shorter than this are not searched for: they would cut ordinary words apart.</summary>
    public const int MinimumSecretLength = 3;

    /// <summary>Lines of a multi-line secret (a private key) at least this long are also redacted one by one.</summary>
    public const int MinimumSecretLineLength = 16;

    private readonly string[] secrets;

    /// <summary>A redactor that also removes every one of <paramref name="secretValues"/> (and long lines of them).</summary>
    public SecretRedactor(IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        secrets = secretValues
            .Where(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= MinimumSecretLength)
            .SelectMany(s => s.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= MinimumSecretLineLength).Prepend(s))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor that knows no secret values: it still removes URL credentials and Authorization values.</summary>
    public static SecretRedactor UrlsOnly { get; } = new([]);

    /// <summary>A redactor knowing these secrets as well as this one's.</summary>
    public SecretRedactor With(IEnumerable<string> moreSecretValues) => new(secrets.Concat(moreSecretValues));

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Marker"/>.</summary>
    public string Redact(string text)
    {
        var result = RedactUrls(text);
        foreach (var secret in secrets)
        {
            result = result.Replace(secret, Marker, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary><paramref name="text"/> with URL credentials and HTTP Authorization values replaced by <see cref="Marker"/>.</summary>
    public static string RedactUrls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = UrlUserInfo().Replace(text, match =>
        {
            var scheme = match.Groups["scheme"].Value;
            var user = match.Groups["user"].Value;
            var http = scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase);
            if (http)
            {
                // On http(s) the user name itself is often a token (https://<token>@github.com).
                return $"{scheme}://{Marker}@";
            }

            return match.Groups["password"].Success ? $"{scheme}://{user}:{Marker}@" : match.Value;
        });
        return Authorization().Replace(result, m => m.Groups["head"].Value + Marker);
    }

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<user>[^/@:\s]*)(?::(?<password>[^/@\s]*))?@")]
    private static partial Regex UrlUserInfo();

    [GeneratedRegex(@"(?<head>(?:Authorization|Proxy-Authorization)\s*[:=]\s*(?:(?:Basic|Bearer|token)\s+)?)[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex Authorization();
}

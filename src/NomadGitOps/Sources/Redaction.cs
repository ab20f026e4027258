using System.Text.RegularExpressions;
using NomadGitOps.Objects;

namespace NomadGitOps.Sources;

/// <summary>Strips secrets from text before it reaches a log, a status message or an exception.</summary>
internal static partial class Redaction
{
    /// <summary>The marker put where a secret was.</summary>
    public const string Marker = SecretRedactor.Marker;

    /// <summary>
    /// Redacts <paramref name="text"/> by <see cref="SecretRedactor"/>'s rules, the one set the whole program uses:
    /// URL user-info (all of it on http(s), the password elsewhere), every given secret value (and each long line
    /// of a multi-line one), and Authorization header values.
    /// </summary>
    public static string Redact(string text, IEnumerable<string>? secrets = null) =>
        new SecretRedactor(secrets ?? []).Redact(text);

    /// <summary>The URL with its user-info removed (<c>https://user:pw@host/x</c> becomes <c>https://host/x</c>).</summary>
    public static string WithoutUserInfo(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return UserInfo().Replace(url, "${scheme}");
    }

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?<info>[^/@\s]+)@")]
    private static partial Regex UserInfo();
}

using System.Text.RegularExpressions;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Compares repository URLs the way a person means them: <c>https://github.com/Org/Repo</c>,
/// <c>git@github.com:org/repo.git</c> and <c>ssh://git@github.com:22/org/repo/</c> are one repository. The scheme
/// (https, http, ssh, git, scp-like) and the user are ignored, the host and path compared ignoring case, the port kept
/// only for http(s) and git when it is not the default, and a trailing <c>/</c> or <c>.git</c> dropped. Elsewhere the
/// most reported cause of a webhook that "does nothing" is a URL written one way in the object and another in the payload.
/// </summary>
internal static partial class RepositoryUrl
{
    /// <summary>The comparable form (<c>github.com/org/repo</c>), or null when <paramref name="url"/> is no repository URL.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        string host;
        string path;
        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return null;
            }

            if (uri.Scheme == Uri.UriSchemeFile)
            {
                return "file:" + Trim(uri.AbsolutePath);
            }

            if (uri.Host.Length == 0)
            {
                return null;
            }

            // Ports of ssh (git@host:7999, :2222) are ignored: a host's ssh port is not part of which repository it is.
            // Those of http(s) and git:// are kept unless they are the scheme's default (443, 80, git's 9418).
            var keepPort = uri.Scheme is "https" or "http" or "git" && !uri.IsDefaultPort && uri.Port > 0 && !(uri.Scheme == "git" && uri.Port == 9418);
            host = keepPort ? $"{uri.Host}:{uri.Port}" : uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else if (ScpLike().Match(url) is { Success: true } scp)
        {
            host = scp.Groups["host"].Value;
            path = scp.Groups["path"].Value;
        }
        else if (url.StartsWith('/'))
        {
            return "file:" + Trim(url);
        }
        else
        {
            return null;
        }

        var trimmed = Trim(path);
        return trimmed.Length == 0 ? null : host.ToLowerInvariant() + trimmed;
    }

    /// <summary>True when both URLs name one repository (see the class remarks); false when either is no URL.</summary>
    public static bool SameRepository(string? a, string? b) =>
        Normalize(a) is { } left && Normalize(b) is { } right && string.Equals(left, right, StringComparison.Ordinal);

    // Lower case, one leading slash, no trailing slashes or .git.
    private static string Trim(string path)
    {
        var p = path.Trim().TrimEnd('/');
        if (p.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            p = p[..^4].TrimEnd('/');
        }

        p = p.TrimStart('/');
        return p.Length == 0 ? "" : "/" + p.ToLowerInvariant();
    }

    // [user@]host:path with the colon before any slash (git's rule for scp-like syntax).
    [GeneratedRegex(@"^(?:[^@/:]+@)?(?<host>[^@/:]+):(?!//)(?<path>\S+)$")]
    private static partial Regex ScpLike();
}

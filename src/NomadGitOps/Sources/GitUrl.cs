using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NomadGitOps.Sources;

/// <summary>A repository URL as git accepts it, with its transport; never carries credentials in <see cref="ToString"/>.</summary>
/// <param name="Value">The URL handed to git (user-info of http(s) URLs removed; credentials travel separately).</param>
/// <param name="Transport">How the repository is reached.</param>
internal sealed partial record GitUrl(string Value, GitTransport Transport)
{
    /// <summary>
    /// Parses a GitRepository <c>url</c>: https/http, ssh://, scp-like <c>user@host:path</c>, git://, file://.
    /// User-info in an http(s) URL is moved out: the result carries none (use the secret instead).
    /// </summary>
    public static GitUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        if (trimmed.Length == 0)
        {
            throw new GitException(GitErrorKind.InvalidSpec, "The repository url is empty: set url to an https, ssh, git or file URL.");
        }
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && trimmed.Contains("://", StringComparison.Ordinal))
        {
            var transport = uri.Scheme.ToLowerInvariant() switch
            {
                "https" => GitTransport.Https,
                "http" => GitTransport.Http,
                "ssh" or "git+ssh" => GitTransport.Ssh,
                "git" => GitTransport.Git,
                "file" => GitTransport.File,
                _ => throw new GitException(GitErrorKind.InvalidSpec,
                    $"The repository url {Redaction.Redact(trimmed)} has the unsupported scheme '{uri.Scheme}': use https, http, ssh, git or file."),
            };
            var value = transport is GitTransport.Https or GitTransport.Http ? Redaction.WithoutUserInfo(trimmed) : trimmed;
            return new GitUrl(value, transport);
        }
        if (ScpLike().IsMatch(trimmed))
        {
            return new GitUrl(trimmed, GitTransport.Ssh);
        }
        if (Path.IsPathRooted(trimmed))
        {
            return new GitUrl("file://" + trimmed, GitTransport.File);
        }
        throw new GitException(GitErrorKind.InvalidSpec,
            $"The repository url {Redaction.Redact(trimmed)} is not a URL git understands: use https://host/repo.git, ssh://git@host/repo.git, git@host:repo.git, git://host/repo.git or file:///path.");
    }

    /// <summary>A short, stable, credential-free name for the cache directory of this URL.</summary>
    public string CacheKey()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Redaction.WithoutUserInfo(Value)));
        return Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>The URL with any secret redacted; safe for messages.</summary>
    public override string ToString() => Redaction.Redact(Value);

    [GeneratedRegex(@"^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9][A-Za-z0-9.-]*:(?!//|:)[^\s]+$")]
    private static partial Regex ScpLike();
}

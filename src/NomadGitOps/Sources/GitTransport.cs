namespace NomadGitOps.Sources;

/// <summary>How a repository URL is reached.</summary>
internal enum GitTransport
{
    /// <summary><c>https://</c>, basic auth or token.</summary>
    Https,

    /// <summary><c>http://</c>, basic auth or token (loopback and test servers).</summary>
    Http,

    /// <summary><c>ssh://</c> or scp-like <c>git@host:path</c>, private key and known_hosts.</summary>
    Ssh,

    /// <summary><c>git://</c>, anonymous.</summary>
    Git,

    /// <summary><c>file://</c> or an absolute local path.</summary>
    File,
}

namespace NomadGitOps.Sources;

/// <summary>The kinds of git failure the controller reports; each maps to one status reason.</summary>
internal enum GitErrorKind
{
    /// <summary>The server refused the credentials (or asked for some and none were given).</summary>
    AuthenticationFailed,

    /// <summary>The SSH host key is not in known_hosts, or does not match it.</summary>
    HostKeyUnknown,

    /// <summary>The branch, tag, semver range or commit matches nothing on the remote.</summary>
    RefNotFound,

    /// <summary>The remote repository does not exist (or is not exported).</summary>
    RepositoryNotFound,

    /// <summary>The remote could not be reached or the connection broke.</summary>
    Network,

    /// <summary>The operation took longer than its timeout; the git process was killed.</summary>
    Timeout,

    /// <summary>The local cache is damaged; it is deleted and re-created on the next attempt.</summary>
    CorruptCache,

    /// <summary>A path asked for escapes the repository root.</summary>
    PathEscapesRepository,

    /// <summary>The URL or ref selector is not valid.</summary>
    InvalidSpec,

    /// <summary>Any other git failure.</summary>
    Other,
}

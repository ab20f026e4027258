namespace NomadGitOps.Tests.Support;

/// <summary>Which transport a <see cref="GitServer"/> serves its repositories over.</summary>
internal enum GitServerKind
{
    /// <summary>file:// URLs to bare repositories on disk.</summary>
    File,

    /// <summary>git:// through <c>git daemon</c> on a loopback port.</summary>
    Daemon,

    /// <summary>http:// through <c>git http-backend</c> behind Kestrel with basic auth.</summary>
    Http,

    /// <summary>ssh:// through <c>sshd</c> on a loopback port with a generated host key and user key.</summary>
    Ssh,
}

namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// What a bad-input case feeds the controller. Item values and URLs may hold placeholders the world resolves:
/// <c>{daemon}</c>, <c>{http}</c>, <c>{ssh}</c> (base URLs of the git servers), <c>{ssh-port}</c>.
/// </summary>
internal abstract record BadInputKind(string Category)
{
    /// <summary>A GitRepository object with these items.</summary>
    public sealed record Repository(string Name, params (string Key, string Value)[] Items) : BadInputKind("object");

    /// <summary>A hand-made NomadJob object with these items.</summary>
    public sealed record Job(string Namespace, string JobId, params (string Key, string Value)[] Items) : BadInputKind("object");

    /// <summary>A Receiver object with these items.</summary>
    public sealed record Receiver(string Name, params (string Key, string Value)[] Items) : BadInputKind("object");

    /// <summary>A file committed to the shared job-file repository (<c>jobfiles</c>), as bytes.</summary>
    public sealed record JobFile(string Path, byte[] Content) : BadInputKind("job file");

    /// <summary>A symbolic link committed to the job-file repository.</summary>
    public sealed record Symlink(string Path, string Target) : BadInputKind("job file");

    /// <summary>A GitRepository object whose git source is bad (server, credentials, cache).</summary>
    public sealed record GitSource(string Name, params (string Key, string Value)[] Items) : BadInputKind("git");

    /// <summary>
    /// The cache of the repository object <paramref name="Name"/> (url <paramref name="Url"/>) damaged before the
    /// controller starts: <c>garbage</c> (files that are no repository) or <c>shallow</c> (a depth-1 clone).
    /// </summary>
    public sealed record DamagedCache(string Name, string Url, string Damage) : BadInputKind("git");

    /// <summary>
    /// An HTTP request to the controller's server. <paramref name="Path"/> may be <c>{hook}</c> (the good receiver's
    /// URL) and is sent byte for byte (no <c>..</c> folding); <paramref name="SignWith"/> signs the body GitHub's way.
    /// </summary>
    public sealed record Request(string Method, string Path, byte[] Body, string? SignWith, params (string Name, string Value)[] Headers)
        : BadInputKind("http");

    /// <summary>A variable written straight to Nomad (the write itself is what must be refused).</summary>
    public sealed record NomadWrite(string Path, int ItemBytes) : BadInputKind("object");
}

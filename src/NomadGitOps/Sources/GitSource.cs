namespace NomadGitOps.Sources;

/// <summary>Where one GitRepository's files come from: URL, ref selector, credentials, and the timeout per git operation.</summary>
/// <param name="Url">The repository.</param>
/// <param name="Ref">What to follow.</param>
/// <param name="Credentials">Credentials from the <c>secret</c> variable; <see cref="GitCredentials.None"/> when none.</param>
/// <param name="Timeout">Limit for each git operation (ls-remote, fetch, reads).</param>
internal sealed record GitSource(GitUrl Url, GitReference Ref, GitCredentials Credentials, TimeSpan Timeout)
{
    /// <summary>The default timeout per operation when the spec sets none.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);
}

namespace NomadGitOps.Sources;

/// <summary>Turns what git printed on a failure into a typed, redacted <see cref="GitException"/> a person understands.</summary>
internal static class GitErrors
{
    /// <summary>Classifies a failed remote operation (ls-remote, fetch) against <paramref name="url"/>.</summary>
    public static GitException FromRemote(string operation, GitUrl url, GitResult result, GitCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(credentials);
        var said = Redaction.Redact(LastLines(result.Error), credentials.SecretValues());
        var where = url.ToString();
        var error = result.Error;
        if (Has(error, "couldn't find remote ref", "not our ref"))
        {
            return new(GitErrorKind.RefNotFound, $"{operation} {where} failed: the ref is not on the remote. git said: {said}");
        }
        if (Has(error, "Host key verification failed", "No ED25519 host key is known", "No RSA host key is known",
                "No ECDSA host key is known", "host key is known for", "REMOTE HOST IDENTIFICATION HAS CHANGED"))
        {
            return new(GitErrorKind.HostKeyUnknown,
                $"{operation} {where} failed: the SSH host key of the server is not in ssh_known_hosts (or does not match it). " +
                $"Add the server's key (ssh-keyscan) to ssh_known_hosts in the secret. git said: {said}");
        }
        if (Has(error, "Authentication failed", "could not read Username", "could not read Password",
                "Permission denied", "HTTP Basic: Access denied", "The requested URL returned error: 401",
                "The requested URL returned error: 403", "invalid credentials", "Invalid username or password"))
        {
            return new(GitErrorKind.AuthenticationFailed,
                $"{operation} {where} failed: the server refused the credentials. Check username/password, token or ssh_private_key in the secret. git said: {said}");
        }
        if (Has(error, "Connection timed out", "Operation timed out"))
        {
            return new(GitErrorKind.Network, $"{operation} {where} failed: the connection timed out. git said: {said}");
        }
        if (Has(error, "does not appear to be a git repository", "repository not found", "not found",
                "The requested URL returned error: 404", "No such file or directory", "no such repository", "access denied or repository not exported",
                "not a git repository"))
        {
            return new(GitErrorKind.RepositoryNotFound,
                $"{operation} {where} failed: the repository was not found. Check the url. git said: {said}");
        }
        if (Has(error, "Could not resolve host", "Connection refused", "unable to connect", "Network is unreachable",
                "Could not read from remote repository", "Connection reset", "Connection closed", "early EOF",
                "the remote end hung up", "Failed to connect", "unable to access", "kex_exchange_identification"))
        {
            return new(GitErrorKind.Network, $"{operation} {where} failed: the server could not be reached. git said: {said}");
        }
        if (Has(error, "corrupt", "bad object", "missing blob", "unable to read", "fatal: bad tree", "index-pack failed",
                "did not send all necessary objects"))
        {
            return new(GitErrorKind.CorruptCache, $"{operation} {where} failed: the local cache is damaged and will be re-created. git said: {said}");
        }
        return new(GitErrorKind.Other, $"{operation} {where} failed (git exit code {result.ExitCode}). git said: {said}");
    }

    /// <summary>The last few non-empty lines of git's stderr, joined, capped at 500 characters.</summary>
    public static string LastLines(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join(" | ", lines.TakeLast(3));
        if (text.Length == 0)
        {
            return "(nothing)";
        }
        return text.Length <= 500 ? text : text[..500] + "…";
    }

    private static bool Has(string error, params string[] needles) =>
        needles.Any(n => error.Contains(n, StringComparison.OrdinalIgnoreCase));
}

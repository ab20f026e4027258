namespace NomadGitOps.Sources;

/// <summary>
/// The environment that hands one repository's credentials to git for one operation: a credential helper
/// reading environment variables for http(s), and for ssh a <c>GIT_SSH_COMMAND</c> with strict host key
/// checking against a temporary known_hosts and key (mode 0600 in a 0700 directory, deleted on dispose).
/// </summary>
internal sealed class GitAuthEnvironment : IDisposable
{
    private const string UserVariable = "NOMAD_GITOPS_GIT_USERNAME";
    private const string PasswordVariable = "NOMAD_GITOPS_GIT_PASSWORD";
    private readonly string? tempDirectory;

    private GitAuthEnvironment(IReadOnlyDictionary<string, string> variables, string? tempDirectory)
    {
        Variables = variables;
        this.tempDirectory = tempDirectory;
    }

    /// <summary>Environment variables for git; they hold secrets and are never logged.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Prepares the environment for <paramref name="url"/>; for ssh writes the temporary files.</summary>
    public static GitAuthEnvironment Create(GitUrl url, GitCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (url.Transport)
        {
            case GitTransport.Https or GitTransport.Http when (credentials.Token ?? credentials.Password) is { } secret:
                // The helper answers `get` from the environment, so the secret is never in argv or on disk.
                variables["GIT_CONFIG_COUNT"] = "2";
                variables["GIT_CONFIG_KEY_0"] = "credential.helper";
                variables["GIT_CONFIG_VALUE_0"] = "";
                // Scoped to the repository's own scheme://host:port, so a redirect elsewhere gets no credentials.
                variables["GIT_CONFIG_KEY_1"] = $"credential.{new Uri(url.Value).GetLeftPart(UriPartial.Authority)}.helper";
                variables["GIT_CONFIG_VALUE_1"] =
                    $"!f() {{ test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' \"${UserVariable}\" \"${PasswordVariable}\"; }}; f";
                variables[UserVariable] = credentials.Username ?? "git";
                variables[PasswordVariable] = secret;
                return new GitAuthEnvironment(variables, null);
            case GitTransport.Ssh:
                return CreateForSsh(credentials, variables);
            default:
                return new GitAuthEnvironment(variables, null);
        }
    }

    /// <summary>Deletes the temporary key and known_hosts files.</summary>
    public void Dispose()
    {
        if (tempDirectory is not null && Directory.Exists(tempDirectory))
        {
            Directory.Delete(tempDirectory, recursive: true);
        }
    }

    private static GitAuthEnvironment CreateForSsh(GitCredentials credentials, Dictionary<string, string> variables)
    {
        var directory = Path.Combine(Path.GetTempPath(), "nomad-gitops-ssh-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            var knownHosts = Path.Combine(directory, "known_hosts");
            WritePrivate(knownHosts, credentials.SshKnownHosts ?? "");
            var command = $"ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile={Quote(knownHosts)} " +
                "-o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o ConnectTimeout=30";
            if (credentials.SshPrivateKey is { } key)
            {
                var keyFile = Path.Combine(directory, "id");
                WritePrivate(keyFile, key.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
                command += $" -i {Quote(keyFile)}";
            }
            variables["GIT_SSH_COMMAND"] = command;
            variables["GIT_SSH_VARIANT"] = "ssh";
            return new GitAuthEnvironment(variables, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

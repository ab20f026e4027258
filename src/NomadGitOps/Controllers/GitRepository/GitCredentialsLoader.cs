using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>
/// Reads the credentials variable a GitRepository's <c>secret</c> names, in the objects' namespace, through the
/// Nomad client. The values stay in memory for the run: never stored, copied into status or logged.
/// </summary>
internal sealed class GitCredentialsLoader(NomadClient nomad, ObjectStoreOptions options)
{
    /// <summary>The namespace secrets are read from.</summary>
    public string Namespace => options.Namespace;

    /// <summary>The credentials in the variable at <paramref name="path"/>; null when that variable does not exist.</summary>
    /// <exception cref="NomadApiException">Nomad refused the read (permission) or could not be reached.</exception>
    public async Task<GitCredentials?> LoadAsync(string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = options.Namespace }, ct).ConfigureAwait(false);
        return read.Value is { } variable ? GitCredentials.FromSecretItems(variable.Items ?? new Dictionary<string, string>(StringComparer.Ordinal)) : null;
    }
}

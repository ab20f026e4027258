using System.Text;

namespace NomadGitOps.Sources;

/// <summary>
/// Credentials for one repository, as read from the variable a GitRepository's <c>secret</c> names.
/// Never logged: <see cref="ToString"/> prints no value.
/// </summary>
/// <param name="Username">HTTP basic user name (also the user name sent with a token; default <c>git</c>).</param>
/// <param name="Password">HTTP basic password.</param>
/// <param name="Token">HTTP access token, sent as the basic-auth password.</param>
/// <param name="SshPrivateKey">OpenSSH private key (PEM/OpenSSH text) for ssh URLs.</param>
/// <param name="SshKnownHosts">known_hosts lines the SSH server's host key must match.</param>
internal sealed record GitCredentials(
    string? Username = null,
    string? Password = null,
    string? Token = null,
    string? SshPrivateKey = null,
    string? SshKnownHosts = null)
{
    /// <summary>No credentials.</summary>
    public static GitCredentials None { get; } = new();

    /// <summary>
    /// Reads the items of the variable a GitRepository's <c>secret</c> names: <c>username</c>, <c>password</c>,
    /// <c>token</c>, <c>ssh_private_key</c>, <c>ssh_known_hosts</c> (other items are ignored).
    /// </summary>
    public static GitCredentials FromSecretItems(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        string? Item(string name) => items.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new GitCredentials(Item("username"), Item("password"), Item("token"), Item("ssh_private_key"), Item("ssh_known_hosts"));
    }

    /// <summary>The secret values, so messages can be scrubbed of them.</summary>
    public IEnumerable<string> SecretValues()
    {
        foreach (var value in new[] { Password, Token, SshPrivateKey })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }
    }

    /// <summary>Says which kinds of credential are set, never their values.</summary>
    public override string ToString()
    {
        var kinds = new List<string>();
        if (Username is not null) { kinds.Add("username"); }
        if (Password is not null) { kinds.Add("password"); }
        if (Token is not null) { kinds.Add("token"); }
        if (SshPrivateKey is not null) { kinds.Add("ssh_private_key"); }
        if (SshKnownHosts is not null) { kinds.Add("ssh_known_hosts"); }
        return $"GitCredentials {{ {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))} }}";
    }

    /// <summary>The HTTP Authorization header value, or null when no HTTP credential is set.</summary>
    public string? BasicAuthorizationHeader()
    {
        var secret = Token ?? Password;
        if (secret is null)
        {
            return null;
        }
        var user = Username ?? "git";
        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}"));
    }
}

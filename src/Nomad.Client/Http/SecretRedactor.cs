namespace Nomad.Client;

/// <summary>Removes the configured secrets (token, basic-auth pair, address user info) from any text before it is shown.</summary>
internal sealed class SecretRedactor
{
    private readonly string[] _secrets;

    /// <summary>Collects the secrets of these options.</summary>
    public SecretRedactor(NomadClientOptions options, string? addressUserInfo)
    {
        var secrets = new List<string>();
        void Add(string? s)
        {
            if (!string.IsNullOrEmpty(s) && s.Length >= 3)
            {
                secrets.Add(s);
            }
        }

        Add(options.Token);
        Add(options.HttpAuth);
        Add(options.HttpAuth?.Split(':', 2) is [_, var password] ? password : null);
        Add(addressUserInfo);
        Add(addressUserInfo?.Split(':', 2) is [_, var addressPassword] ? addressPassword : null);
        _secrets = [.. secrets.OrderByDescending(s => s.Length)];
    }

    /// <summary>The text with every secret replaced by <c>[redacted]</c>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        return text;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// A receiver's hook path: <c>/hook/</c> and the hex SHA-256 of its secret, its name and the namespace of the object
/// variables (as Flux's receivers do). Unguessable without the secret, and it changes when the secret changes.
/// </summary>
internal static class HookPath
{
    /// <summary>What every hook path starts with.</summary>
    public const string Prefix = "/hook/";

    /// <summary>The hex digest that follows <see cref="Prefix"/>.</summary>
    public static string Id(string token, string name, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = WebhookSignature.TrimSecret(token) + name + @namespace;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The whole path, <c>/hook/&lt;id&gt;</c>.</summary>
    public static string For(string token, string name, string @namespace) => Prefix + Id(token, name, @namespace);
}

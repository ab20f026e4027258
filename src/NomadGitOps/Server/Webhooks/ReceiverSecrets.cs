using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>Reads a receiver's shared secret: the item <c>token</c> of the variable its <c>secret</c> names (namespace of the objects).</summary>
internal sealed class ReceiverSecrets(NomadClient nomad, ObjectStoreOptions store)
{
    /// <summary>The token, or null when the variable or its <c>token</c> item is missing or blank.</summary>
    public async Task<string?> ReadTokenAsync(string secretPath, CancellationToken ct)
    {
        var read = await nomad.Variables.ReadAsync(secretPath, new QueryOptions { Namespace = store.Namespace }, ct).ConfigureAwait(false);
        return read.Value?.Items is { } items && items.TryGetValue(ItemKeys.Token, out var token) && WebhookSignature.TrimSecret(token).Length > 0
            ? token
            : null;
    }
}

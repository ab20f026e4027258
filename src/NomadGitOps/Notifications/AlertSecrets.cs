using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>Reads an Alert's <c>secret</c> variable (namespace of the objects): the items <c>address</c> and <c>token</c>.</summary>
internal sealed class AlertSecrets(NomadClient nomad, ObjectStoreOptions store)
{
    /// <summary>The variable's items; null when it does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ReadAsync(string secretPath, CancellationToken ct)
    {
        var read = await nomad.Variables.ReadAsync(secretPath, new QueryOptions { Namespace = store.Namespace }, ct).ConfigureAwait(false);
        return read.Value is null ? null : read.Value.Items ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Where and how <paramref name="spec"/> delivers: the URL (the <c>address</c> item, else the secret's) and the signing
    /// token (generic only: the secret's <c>token</c>), or a sentence saying what is missing (never the URL itself).
    /// </summary>
    public async Task<AlertTarget> ResolveAsync(string alertName, AlertSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Secret is not { } path)
        {
            return spec.Address is { } direct ? new AlertTarget(direct, null, null) : new AlertTarget(null, null, $"Alert {alertName} has no address.");
        }

        IReadOnlyDictionary<string, string>? items;
        try
        {
            items = await ReadAsync(path, ct).ConfigureAwait(false);
        }
        catch (NomadApiException e) when (e.IsPermissionDenied)
        {
            return new AlertTarget(null, null, $"Alert {alertName}: the controller's Nomad token may not read the secret variable \"{path}\". Allow read on that path in its ACL policy.");
        }

        if (items is null)
        {
            return new AlertTarget(null, null,
                $"Alert {alertName}: the secret variable \"{path}\" (namespace \"{store.Namespace}\") does not exist. Create it: nomad var put {path} address=<webhook URL>.");
        }

        var token = spec.Type == AlertType.Generic && items.TryGetValue(ItemKeys.Token, out var t) && t.Trim().Length > 0 ? t : null;
        if (spec.Address is { } own)
        {
            return new AlertTarget(own, token, null);
        }

        if (!items.TryGetValue(ItemKeys.Address, out var text) || text.Trim().Length == 0)
        {
            return new AlertTarget(null, null,
                $"Alert {alertName}: the secret variable \"{path}\" has no item \"address\". Add it: nomad var put {path} address=<webhook URL>.");
        }

        return AlertSpec.TryParseAddress(text, out var address)
            ? new AlertTarget(address, token, null)
            : new AlertTarget(null, null, $"Alert {alertName}: the item \"address\" of the secret variable \"{path}\" is not an absolute http or https URL.");
    }
}

namespace NomadGitOps.Objects;

/// <summary>
/// The <c>reconcile_requested_at</c> handshake (Flux's <c>reconcile.fluxcd.io/requestedAt</c>): a person, the CLI or a
/// webhook writes a new value; the controller does a full check and records the value it handled in
/// <c>status_last_handled_reconcile_at</c>. The value is opaque (usually RFC 3339) and compared as text.
/// </summary>
internal static class ReconcileRequest
{
    /// <summary>The object's <c>reconcile_requested_at</c>; null when absent or empty.</summary>
    public static string? Of(IReadOnlyDictionary<string, string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.TryGetValue(ItemKeys.ReconcileRequestedAt, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>True when the object holds a request that differs from <paramref name="lastHandled"/>.</summary>
    public static bool IsPending(IReadOnlyDictionary<string, string> items, string? lastHandled) =>
        Of(items) is { } requested && !string.Equals(requested, lastHandled, StringComparison.Ordinal);
}

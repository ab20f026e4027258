using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Cli;

/// <summary>
/// Waits for the controller to handle a reconcile request: until the object's <c>status_last_handled_reconcile_at</c>
/// equals the <c>reconcile_requested_at</c> written, following the variable with blocking reads (no polling).
/// </summary>
internal static class ReconcileWaiter
{
    private static readonly TimeSpan MaxBlock = TimeSpan.FromSeconds(30);

    /// <summary>The object's items once handled; null when the time ran out; throws when it vanished.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> WaitAsync(
        ObjectConnection connection, ObjectKey key, string requestedAt, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var path = key.ToPath(connection.Options.Prefix);
        var deadline = clock.GetUtcNow() + timeout;
        ulong? index = null;
        while (true)
        {
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var block = remaining < MaxBlock ? remaining : MaxBlock;
            var query = new QueryOptions { Namespace = connection.Options.Namespace, Index = index, Wait = index is null ? null : block };
            var read = await connection.Nomad.Variables.ReadAsync(path, query, ct).ConfigureAwait(false);
            if (read.Value is not { } variable)
            {
                throw new ObjectGoneException($"{key} was deleted while waiting for its reconcile.");
            }

            var items = variable.Items ?? new Dictionary<string, string>();
            if (items.TryGetValue(ItemKeys.StatusLastHandledReconcileAt, out var handled) && string.Equals(handled, requestedAt, StringComparison.Ordinal))
            {
                return items;
            }

            // A blocking read answers at the timeout with the same index; Nomad may also answer early (it adds jitter).
            index = variable.ModifyIndex;
        }
    }
}

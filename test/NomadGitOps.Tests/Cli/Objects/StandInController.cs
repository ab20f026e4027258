using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Cli.Objects;

/// <summary>
/// Does for one object what the real controllers do for a reconcile request, and nothing else: when
/// <c>reconcile_requested_at</c> is new, writes <c>status_last_handled_reconcile_at</c> with the given outcome
/// (CAS, keeping every other item). Lets the CLI's waiting be tested without git and a render.
/// </summary>
internal sealed class StandInController(ObjectStore store, ObjectKey key, string ready, string reason, string message)
{
    /// <summary>Handles requests until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var current = await store.ReadAsync(key, ct);
            if (current is not null
                && ReconcileRequest.Of(current.Items) is { } requested
                && ReconcileRequest.IsPending(current.Items, current.Items.GetValueOrDefault(ItemKeys.StatusLastHandledReconcileAt)))
            {
                var items = new Dictionary<string, string>(current.Items, StringComparer.Ordinal)
                {
                    [ItemKeys.StatusLastHandledReconcileAt] = requested,
                    [ItemKeys.StatusReady] = ready,
                    [ItemKeys.StatusReason] = reason,
                    [ItemKeys.StatusMessage] = message,
                };
                await store.ReplaceAsync(key, items, current.ModifyIndex, ct);
                continue;
            }

            await Task.Delay(20, ct);
        }
    }
}

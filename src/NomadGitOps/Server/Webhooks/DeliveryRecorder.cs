using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Records each receiver's last delivery in its status (<c>status_last_delivery_at</c>, <c>status_last_delivery</c>), in the
/// background and coalesced (a burst writes the latest once or twice). Only those two items are written, so the receiver
/// controller's status and a person's spec edit are kept.
/// </summary>
internal sealed class DeliveryRecorder : IAsyncDisposable
{
    private static readonly IReadOnlySet<string> Owned = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusLastDeliveryAt, ItemKeys.StatusLastDelivery,
    };

    private static readonly IReadOnlySet<string> Shrinkable = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusLastDelivery };

    private readonly ObjectStore store;
    private readonly ConcurrentDictionary<ObjectKey, (DateTimeOffset At, string What)> latest = new();
    private readonly KeyedCoalescer<ObjectKey> writer;

    /// <summary>Creates the recorder.</summary>
    public DeliveryRecorder(ObjectStore store, TimeProvider time, ILogger<DeliveryRecorder> logger)
    {
        this.store = store;
        writer = new KeyedCoalescer<ObjectKey>(
            WriteAsync,
            (key, e) => logger.LogWarning(e, "Could not record the last delivery of {Receiver}: {Error}", key, e.Message),
            ReconcileRequests.CoolDown,
            time);
    }

    /// <summary>Records that <paramref name="receiver"/> took <paramref name="what"/> at <paramref name="at"/>; returns at once.</summary>
    public void Record(ObjectKey receiver, DateTimeOffset at, string what)
    {
        latest[receiver] = (at, what);
        writer.Request(receiver);
    }

    /// <summary>Completes when every record asked for is written (tests, shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken ct) => writer.WhenIdleAsync(ct);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private async Task WriteAsync(ObjectKey key, CancellationToken ct)
    {
        if (!latest.TryGetValue(key, out var delivery) || await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } current)
        {
            return;
        }

        var items = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemKeys.StatusLastDeliveryAt] = ItemCodec.FormatTime(delivery.At)!,
            [ItemKeys.StatusLastDelivery] = delivery.What,
        };
        await store.WriteStatusAsync(current, new StatusPatch(items, Owned, Shrinkable), ct).ConfigureAwait(false);
    }
}

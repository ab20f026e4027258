using System.Threading.Channels;
using NomadGitOps.Server.Metrics;

namespace NomadGitOps.Notifications;

/// <summary>
/// The bounded queue between the notifier (which must never wait: it runs inside the object cache's updates) and the
/// dispatcher. When full, the oldest event is dropped and counted: in <see cref="Dropped"/> and, when metrics are on, in
/// <c>nomad_gitops_notification_events_dropped_total</c> (docs/observability.md). The dispatcher takes one event at a time
/// (an object's <c>failed</c> before its <c>recovered</c>), so a burst larger than the queue while a receiver is slow loses
/// its oldest events; the counter is how an operator sees it.
/// </summary>
internal sealed class AlertQueue
{
    private readonly Channel<AlertEvent> channel;
    private long dropped;

    /// <summary>A queue of <see cref="NotificationOptions.QueueCapacity"/> events, counting drops in <paramref name="metrics"/> too when given.</summary>
    public AlertQueue(NotificationOptions options, NomadGitOpsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        channel = Channel.CreateBounded<AlertEvent>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                Interlocked.Increment(ref dropped);
                metrics?.NotificationEventDropped();
            });
    }

    /// <summary>How many events were dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>The events to deliver, oldest first.</summary>
    public ChannelReader<AlertEvent> Reader => channel.Reader;

    /// <summary>Adds <paramref name="alertEvent"/> without waiting (dropping the oldest when full).</summary>
    public void Enqueue(AlertEvent alertEvent) => channel.Writer.TryWrite(alertEvent);
}

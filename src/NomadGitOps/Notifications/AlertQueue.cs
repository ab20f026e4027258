using System.Threading.Channels;

namespace NomadGitOps.Notifications;

/// <summary>
/// The bounded queue between the notifier (which must never wait: it runs inside the object cache's updates) and the
/// dispatcher. When full, the oldest event is dropped and counted.
/// </summary>
internal sealed class AlertQueue
{
    private readonly Channel<AlertEvent> channel;
    private long dropped;

    /// <summary>A queue of <see cref="NotificationOptions.QueueCapacity"/> events.</summary>
    public AlertQueue(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        channel = Channel.CreateBounded<AlertEvent>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref dropped));
    }

    /// <summary>How many events were dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>The events to deliver, oldest first.</summary>
    public ChannelReader<AlertEvent> Reader => channel.Reader;

    /// <summary>Adds <paramref name="alertEvent"/> without waiting (dropping the oldest when full).</summary>
    public void Enqueue(AlertEvent alertEvent) => channel.Writer.TryWrite(alertEvent);
}

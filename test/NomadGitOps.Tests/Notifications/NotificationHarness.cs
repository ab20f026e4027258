using Nomad.Emulator;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Notifications;

/// <summary>
/// A view over <see cref="ControllerHarness"/> (the real DI graph, on the system clock) for the notification chain as
/// <c>run</c> wires it (object cache → notifier → bounded queue → dispatcher → HTTP), with the object versions put into
/// the cache by the test as the prefix watcher and the controllers would, secrets in the Nomad emulator, short retry
/// delays, and a switch for leadership.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private ulong index = 100;
    private Task? dispatching;

    private NotificationHarness(ControllerHarness graph)
    {
        Graph = graph;
        // The notifier subscribes to the cache when it is built: built now, before the test puts anything there.
        Notifier = graph.Get<AlertNotifier>();
        Dispatcher = graph.Get<AlertDispatcher>();
    }

    /// <summary>The whole graph this view is over.</summary>
    public ControllerHarness Graph { get; }

    public NomadEmulator Nomad => Graph.Nomad;

    public ObjectCache Cache => Graph.Get<ObjectCache>();

    public AlertQueue Queue => Graph.Get<AlertQueue>();

    public AlertNotifier Notifier { get; }

    public AlertDispatcher Dispatcher { get; }

    public AlertDeliveryLog Log => Graph.AlertDeliveries;

    public RecordingTrigger Trigger => Graph.Trigger;

    /// <summary>Whether this replica leads (the notifier acts only then).</summary>
    public bool Acting
    {
        get => Graph.Leading;
        set => Graph.Leading = value;
    }

    public static NotificationOptions FastRetries { get; } = new()
    {
        MaxAttempts = 3,
        RetryMin = TimeSpan.FromMilliseconds(10),
        RetryMax = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public static async Task<NotificationHarness> StartAsync(NotificationOptions? options = null) =>
        new(await ControllerHarness.StartAsync(TestContext.Current.CancellationToken, new ControllerHarnessOptions { Notifications = options ?? FastRetries, SystemClock = true }));

    /// <summary>Starts the dispatcher's loop.</summary>
    public void StartDispatching() => dispatching = Dispatcher.RunAsync(stop.Token);

    /// <summary>Puts an Alert into the cache as the watcher would read it.</summary>
    public ObjectKey Alert(string name, params (string Key, string Value)[] items) => Put(ObjectKey.Alert(name), items);

    /// <summary>Puts a version of an object into the cache (a newer index each time), as read or written.</summary>
    public ObjectKey Put(ObjectKey key, params (string Key, string Value)[] items)
    {
        Cache.Observed(new StoredObject(key, items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), ++index));
        return key;
    }

    /// <summary>Writes a variable in the emulator, as a person with <c>nomad var put</c>.</summary>
    public Task PutVariableAsync(string path, params (string Key, string Value)[] items) =>
        Graph.PutVariableAsync(path, TestContext.Current.CancellationToken, items);

    /// <summary>Every event waiting in the queue, taken out.</summary>
    public List<AlertEvent> Drain()
    {
        var events = new List<AlertEvent>();
        while (Queue.Reader.TryRead(out var alertEvent))
        {
            events.Add(alertEvent);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (dispatching is not null)
        {
            await dispatching;
        }

        stop.Dispose();
        await Graph.DisposeAsync();
    }
}

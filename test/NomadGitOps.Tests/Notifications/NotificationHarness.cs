using Microsoft.Extensions.Logging.Abstractions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Engine;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Notifications;

/// <summary>
/// The notification chain as <c>run</c> wires it (object cache → notifier → bounded queue → dispatcher → HTTP), with the
/// object versions put into the cache by the test as the prefix watcher and the controllers would, secrets in the Nomad
/// emulator, short retry delays, and a switch for leadership.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private ulong index = 100;
    private Task? dispatching;

    private NotificationHarness(NomadEmulator nomad, NotificationOptions options)
    {
        Nomad = nomad;
        Client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), MaxAttempts = 1 });
        var settings = new EngineSettings { LeaderElection = false };
        Cache = new ObjectCache(new ObjectStoreOptions { Prefix = settings.Prefix, Namespace = settings.Namespace });
        Queue = new AlertQueue(options);
        Notifier = new AlertNotifier(Cache, Queue, TimeProvider.System, () => Acting, NullLogger<AlertNotifier>.Instance);
        Sender = new AlertSender(options, TimeProvider.System);
        Dispatcher = new AlertDispatcher(Queue, Notifier, Cache, new AlertSecrets(Client, settings), Sender, Log, Trigger, settings, TimeProvider.System, NullLogger<AlertDispatcher>.Instance);
    }

    public NomadEmulator Nomad { get; }

    public NomadClient Client { get; }

    public ObjectCache Cache { get; }

    public AlertQueue Queue { get; }

    public AlertNotifier Notifier { get; }

    public AlertSender Sender { get; }

    public AlertDispatcher Dispatcher { get; }

    public AlertDeliveryLog Log { get; } = new();

    public RecordingTrigger Trigger { get; } = new();

    /// <summary>Whether this replica leads (the notifier acts only then).</summary>
    public bool Acting { get; set; } = true;

    public static NotificationOptions FastRetries { get; } = new()
    {
        MaxAttempts = 3,
        RetryMin = TimeSpan.FromMilliseconds(10),
        RetryMax = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(20),
    };

    public static async Task<NotificationHarness> StartAsync(NotificationOptions? options = null) =>
        new(await NomadEmulator.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken), options ?? FastRetries);

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
    public async Task PutVariableAsync(string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await Client.Variables.PutAsync(variable, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
    }

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
        Notifier.Dispose();
        Sender.Dispose();
        Client.Dispose();
        await Nomad.DisposeAsync();
    }
}

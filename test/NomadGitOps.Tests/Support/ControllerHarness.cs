using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers.Alert;
using NomadGitOps.Controllers.GitRepository;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Controllers.Receiver;
using NomadGitOps.Engine;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Support;

/// <summary>
/// The controllers' real DI graph, as <c>nomad-gitops run</c> wires it: a Nomad client to an in-process emulator
/// (through an <see cref="InterceptingHandler"/>), the object store, git sources on a temporary cache, a fake clock,
/// a seeded backoff, a recording trigger, the GitRepository, NomadJobIndex and NomadJob controllers, and the Alert
/// (with its notification chain) and Receiver controllers. A second client (<see cref="Person"/>) edits objects as a
/// person would. The emulator runs on the same fake clock (its
/// deployments settle after 30 s of it). <see cref="ControllerHarnessOptions"/> holds the switches; the index's and
/// the NomadJob controller's tests use thin views over this (<c>IndexHarness</c>, <c>NomadJobHarness</c>) that add a
/// git server and play the GitRepository controller's part.
/// </summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    /// <summary>When every test's clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly StrongBox<bool> leading;

    private ControllerHarness(NomadEmulator nomad, ServiceProvider services, NomadClient person, InterceptingHandler handler, string cacheRoot, StrongBox<bool> leading)
    {
        Nomad = nomad;
        this.services = services;
        Person = person;
        Handler = handler;
        CacheRoot = cacheRoot;
        this.leading = leading;
    }

    /// <summary>The emulator (its <c>Calls</c> count every request).</summary>
    public NomadEmulator Nomad { get; }

    /// <summary>A Nomad client of its own, for edits a person makes.</summary>
    public NomadClient Person { get; }

    /// <summary>The handler under the controller's client.</summary>
    public InterceptingHandler Handler { get; }

    /// <summary>The git cache root.</summary>
    public string CacheRoot { get; }

    /// <summary>The controller's clock (not with <see cref="ControllerHarnessOptions.SystemClock"/>).</summary>
    public FakeTimeProvider Time => services.GetRequiredService<TimeProvider>() as FakeTimeProvider
        ?? throw new InvalidOperationException("This harness runs on the system clock (ControllerHarnessOptions.SystemClock).");

    /// <summary>Whether this replica leads, as the notification chain's notifier asks (true unless set otherwise).</summary>
    public bool Leading
    {
        get => leading.Value;
        set => leading.Value = value;
    }

    /// <summary>The GitRepository controller, as built by the container.</summary>
    public GitRepositoryController Controller => services.GetRequiredService<GitRepositoryController>();

    /// <summary>The NomadJobIndex controller, as built by the container.</summary>
    public NomadJobIndexController Index => services.GetRequiredService<NomadJobIndexController>();

    /// <summary>The NomadJob controller, as built by the container.</summary>
    public NomadJobController Jobs => services.GetRequiredService<NomadJobController>();

    /// <summary>The Alert controller, as built by the container.</summary>
    public AlertController Alerts => services.GetRequiredService<AlertController>();

    /// <summary>What the notification dispatcher recorded of each Alert's deliveries (the Alert controller publishes it).</summary>
    public AlertDeliveryLog AlertDeliveries => services.GetRequiredService<AlertDeliveryLog>();

    /// <summary>The Receiver controller, as built by the container.</summary>
    public ReceiverController Receivers => services.GetRequiredService<ReceiverController>();

    /// <summary>The object store the controller uses.</summary>
    public ObjectStore Store => services.GetRequiredService<ObjectStore>();

    /// <summary>The git cache the controllers read.</summary>
    public GitCache GitCache => services.GetRequiredService<GitCache>();

    /// <summary>The job-file parser the controllers use.</summary>
    public JobFileParser Parser => services.GetRequiredService<JobFileParser>();

    /// <summary>The owned-job cache the NomadJob controller reads; not current until <see cref="ListOwnedJobsAsync"/>.</summary>
    public OwnedJobCache OwnedJobs => services.GetRequiredService<OwnedJobCache>();

    /// <summary>The deployment cache the NomadJob controller reads; not current until <see cref="ListDeploymentsAsync"/>.</summary>
    public DeploymentCache Deployments => services.GetRequiredService<DeploymentCache>();

    /// <summary>The git runner, with its per-verb counts.</summary>
    public GitRunner Git => services.GetRequiredService<GitRunner>();

    /// <summary>What the controller triggered.</summary>
    public RecordingTrigger Trigger => (RecordingTrigger)services.GetRequiredService<IReconcileTrigger>();

    /// <summary>Every log event of the graph.</summary>
    public RecordingLoggerProvider Logs => services.GetRequiredService<RecordingLoggerProvider>();

    /// <summary>Any other part of the graph (the notification chain's queue, notifier, dispatcher…), as built by the container.</summary>
    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Starts the emulator and builds the graph with <paramref name="switches"/> (the defaults when null).</summary>
    public static async Task<ControllerHarness> StartAsync(CancellationToken ct, ControllerHarnessOptions? switches = null)
    {
        switches ??= new ControllerHarnessOptions();
        TimeProvider time = switches.SystemClock ? TimeProvider.System : new FakeTimeProvider(Start);
        var leading = new StrongBox<bool>(true);
        var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = time, DeploymentDuration = TimeSpan.FromSeconds(30) }, ct);
        // One attempt per call: a fault injected in the emulator reaches the controller as is, with no retry sleeping.
        var options = new NomadClientOptions { Address = nomad.Address.ToString(), MaxAttempts = 1 };
        var handler = new InterceptingHandler(switches.Transport ?? new HttpClientHandler());
        var logs = new RecordingLoggerProvider();
        var cacheRoot = Path.Combine(Path.GetTempPath(), "ctl-gitrepo-" + Guid.NewGuid().ToString("N")[..10]);
        var collection = new ServiceCollection();
        collection.AddSingleton(logs);
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(_ => new NomadClient(options, handler));
        collection.AddSingleton(new ObjectStoreOptions());
        collection.AddSingleton(new EngineSettings { LeaderElection = false });
        // The object cache the notification chain reads; the store answers from it only with CachedStore.
        var cache = new ObjectCache(new ObjectStoreOptions());
        collection.AddSingleton(cache);
        if (switches.CachedStore)
        {
            cache.Prime();
        }

        collection.AddSingleton(sp => new ObjectStore(
            sp.GetRequiredService<NomadClient>(), sp.GetRequiredService<ObjectStoreOptions>(), sp.GetRequiredService<ILogger<ObjectStore>>(), switches.CachedStore ? cache : null));
        collection.AddSingleton<IReconcileTrigger, RecordingTrigger>();
        collection.AddSingleton(new Backoff(BackoffOptions.Default, new Random(7)));
        collection.AddGitSources(cacheRoot);
        if (switches.Notifications is { } notifications)
        {
            collection.AddSingleton(notifications);
        }

        // The notifier acts while this replica leads; in run that is the ControllerHost's term, here the switch Leading.
        collection.AddSingleton(sp => new AlertNotifier(
            sp.GetRequiredService<ObjectCache>(), sp.GetRequiredService<AlertQueue>(), sp.GetRequiredService<TimeProvider>(), () => leading.Value, sp.GetRequiredService<ILogger<AlertNotifier>>()));
        collection.AddSingleton<OwnedJobCache>();
        collection.AddSingleton<DeploymentCache>();
        collection.AddSingleton(switches.NomadJob);
        collection.AddSingleton(switches.Parser);
        collection.AddGitRepositoryController();
        collection.AddNomadJobIndexController();
        collection.AddNomadJobController();
        collection.AddAlertController();
        collection.AddReceiverController();
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var person = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        return new ControllerHarness(nomad, provider, person, handler, cacheRoot, leading);
    }

    /// <summary>Creates the GitRepository <paramref name="name"/> with <paramref name="items"/> (as <c>nomad var put</c> would).</summary>
    public async Task<ObjectKey> CreateRepositoryAsync(string name, CancellationToken ct, params (string Key, string Value)[] items)
    {
        var key = ObjectKey.GitRepository(name);
        (await Store.CreateAsync(key, items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), ct)).ShouldBeTrue();
        return key;
    }

    /// <summary>Lists the owned jobs once into <see cref="OwnedJobs"/>, as the owned-job watcher does; returns the jobs that moved.</summary>
    public async Task<IReadOnlyList<OwnedJob>> ListOwnedJobsAsync(CancellationToken ct)
    {
        var query = new QueryOptions { Namespace = "*", Filter = OwnedJobWatcher.FilterFor(NomadJobControllerOptions.DefaultManagedBy) };
        var list = await Person.Jobs.ListAllAsync(query, meta: true, ct);
        var jobs = list.Value.Select(s => new OwnedJob(s.Namespace, s.ID, s.JobModifyIndex, s.Stop, s.Status, s.Meta?.GetValueOrDefault(OwnershipMeta.ObjectKey))).ToList();
        var (moved, gone) = OwnedJobs.Apply(jobs, list.LastIndex);
        return [.. moved.Select(m => m.Job), .. gone];
    }

    /// <summary>Lists every deployment once into <see cref="Deployments"/>, as the deployment watcher does; returns those whose status a NomadJob must see.</summary>
    public async Task<IReadOnlyList<Deployment>> ListDeploymentsAsync(CancellationToken ct)
    {
        var list = await Person.Deployments.ListAllAsync(new QueryOptions { Namespace = "*" }, ct);
        return Deployments.Apply(list.Value, list.LastIndex);
    }

    /// <summary>Writes a plain variable (a secret) as a person would.</summary>
    public async Task PutVariableAsync(string path, CancellationToken ct, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Namespace = "default", Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await Person.Variables.PutAsync(variable, cas: null, write: null, ct)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    /// <summary>The object's items as stored now; null when it does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ItemsAsync(ObjectKey key, CancellationToken ct) =>
        (await Store.ReadAsync(key, ct))?.Items;

    /// <summary>The object's status as stored now.</summary>
    public async Task<GitRepositoryStatus> StatusAsync(ObjectKey key, CancellationToken ct) =>
        ItemCodec.DecodeGitRepositoryStatus((await ItemsAsync(key, ct)).ShouldNotBeNull());

    /// <summary>Stops everything and deletes the cache.</summary>
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Person.Dispose();
        Handler.Dispose();
        await Nomad.DisposeAsync();
        if (Directory.Exists(CacheRoot))
        {
            Directory.Delete(CacheRoot, recursive: true);
        }
    }
}

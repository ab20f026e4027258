using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Engine;

/// <summary>An emulator on a fake clock, engine replicas on it, and writes to objects as a person makes them.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    private protected readonly CancellationToken ct = TestContext.Current.CancellationToken;
    private protected readonly SignallingClock clock = new();
    private readonly List<HostUnderTest> hosts = [];
    private NomadClient client = null!;

    private protected NomadEmulator Nomad { get; private set; } = null!;

    private protected ObjectStore Store { get; private set; } = null!;

    private protected NomadClient Client => client;

    public async ValueTask InitializeAsync()
    {
        Nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock }, ct);
        client = new NomadClient(new NomadClientOptions { Address = Nomad.Address.ToString(), MaxAttempts = 1 });
        Store = new ObjectStore(client, new ObjectStoreOptions(), NullLogger<ObjectStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        client.Dispose();
        await Nomad.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A replica on <paramref name="hostClock"/> (the emulator's clock when null), not started yet.</summary>
    private protected HostUnderTest NewHost(EngineSettings settings, FakeTimeProvider? hostClock, params IReconciler[] reconcilers)
    {
        var host = new HostUnderTest(Nomad.Address, hostClock ?? clock, settings, reconcilers);
        hosts.Add(host);
        return host;
    }

    /// <summary>Creates the object, or sets these items on it keeping the others.</summary>
    private protected async Task PutAsync(ObjectKey key, params (string Key, string Value)[] items)
    {
        var current = await Store.ReadAsync(key, ct);
        var merged = new Dictionary<string, string>(current?.Items ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (k, v) in items)
        {
            merged[k] = v;
        }

        var written = current is null
            ? await Store.CreateAsync(key, merged, ct)
            : await Store.ReplaceAsync(key, merged, current.ModifyIndex, ct);
        written.ShouldBeTrue();
    }

    private protected async Task DeleteAsync(ObjectKey key)
    {
        var current = await Store.ReadAsync(key, ct);
        (await Store.DeleteAsync(key, current.ShouldNotBeNull().ModifyIndex, ct)).ShouldBeTrue();
    }

    private protected async Task SetControllerVariableAsync(params (string Key, string Value)[] items)
    {
        var variable = new Variable
        {
            Path = ObjectKey.ControllerPath(ObjectKey.DefaultPrefix),
            Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal),
        };
        (await Client.Variables.PutAsync(variable, ct: ct)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    private protected async Task DeleteControllerVariableAsync() =>
        (await Client.Variables.DeleteAsync(ObjectKey.ControllerPath(ObjectKey.DefaultPrefix), ct: ct)).ShouldBeOfType<VariableDeleteResult.Deleted>();

    private protected static ReconcilerDouble GitRepositories(System.Collections.Concurrent.ConcurrentQueue<(ControllerName, ObjectKey)>? log = null) =>
        new(ControllerName.GitRepository, ObjectKind.GitRepository, log);

    private protected static ReconcilerDouble Indexes(System.Collections.Concurrent.ConcurrentQueue<(ControllerName, ObjectKey)>? log = null) =>
        new(ControllerName.NomadJobIndex, ObjectKind.GitRepository, log);

    private protected static ReconcilerDouble Jobs(System.Collections.Concurrent.ConcurrentQueue<(ControllerName, ObjectKey)>? log = null) =>
        new(ControllerName.NomadJob, ObjectKind.NomadJob, log);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Tests.Engine;

/// <summary>
/// One engine replica as the run verb builds it (the real DI graph), with reconciler doubles, its own fake clock, and
/// a Nomad client that does not retry (so Nomad errors reach the engine).
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ServiceProvider provider;
    private readonly CancellationTokenSource stop = new();
    private Task? running;

    public HostUnderTest(Uri nomadAddress, FakeTimeProvider clock, EngineSettings settings, params IReconciler[] reconcilers)
    {
        Clock = clock;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new NomadClient(new NomadClientOptions { Address = nomadAddress.ToString(), MaxAttempts = 1 }));
        services.AddNomadGitOpsEngine(settings, new NomadClientOptions { Address = nomadAddress.ToString() });
        foreach (var reconciler in reconcilers)
        {
            services.AddSingleton(reconciler);
        }

        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public ControllerHost Host => provider.GetRequiredService<ControllerHost>();

    public LeaderElection Election => provider.GetRequiredService<LeaderElection>();

    public IReconcileTrigger Trigger => provider.GetRequiredService<IReconcileTrigger>();

    public ControllerPause Pause => provider.GetRequiredService<ControllerPause>();

    /// <summary>The replica's object store (reads from its cache while the watcher keeps it primed).</summary>
    public NomadGitOps.Objects.ObjectStore Store => provider.GetRequiredService<NomadGitOps.Objects.ObjectStore>();

    /// <summary>The replica's object cache.</summary>
    public NomadGitOps.Objects.ObjectCache Cache => provider.GetRequiredService<NomadGitOps.Objects.ObjectCache>();

    public OneOffRun OneOff() => provider.GetRequiredService<OneOffRun>();

    /// <summary>Settings for tests: one worker per controller (so a queue's order is the order of triggers), short TTLs.</summary>
    public static EngineSettings Settings(bool leaderElection = true) => new()
    {
        Concurrency = 1,
        DefaultInterval = TimeSpan.FromMinutes(1),
        LeaderTtl = TimeSpan.FromSeconds(10),
        LeaderLockDelay = TimeSpan.FromSeconds(10),
        LeaderElection = leaderElection,
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        Backoff = new BackoffOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)),
    };

    public void Start() => running = Host.RunAsync(stop.Token);

    /// <summary>Waits until the queue of <paramref name="controller"/> has nothing waiting or running (so the last reconcile's next one is scheduled).</summary>
    public Task IdleAsync(ControllerName controller) =>
        Host.Current.ShouldNotBeNull().QueueOf(controller).ShouldNotBeNull().WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

    /// <summary>Stops as SIGTERM does and waits until shutdown is complete.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            await running.WaitAsync(Patience, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            try
            {
                await running.WaitAsync(Patience, CancellationToken.None);
            }
            catch (TimeoutException)
            {
            }
        }

        await provider.DisposeAsync();
        stop.Dispose();
    }
}

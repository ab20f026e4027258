using Microsoft.Extensions.Logging;
using NomadGitOps.Controllers;
using NomadGitOps.Scheduling;
using NomadGitOps.Watches;

namespace NomadGitOps.Engine;

/// <summary>
/// Runs the controllers for as long as the process lives: waits for leadership (unless leader election is off), then
/// for each leadership term starts one work queue per controller, the prefix watcher that feeds them (every object at
/// start, then exactly the ones whose spec changed), the owned-job watcher that wakes the NomadJobs whose job drifted,
/// the deployment watcher that wakes those whose deployment changed status, and the pause that holds them; on shutdown it stops starting
/// reconciles, lets those in hand finish within the shutdown timeout, and releases the lock.
/// </summary>
internal sealed class ControllerHost(
    IEnumerable<IReconciler> reconcilers,
    PrefixWatcher watcher,
    OwnedJobWatcher ownedJobs,
    DeploymentWatcher deployments,
    LeaderElection election,
    ControllerPause pause,
    ReconcileTriggerRouter router,
    EngineSettings settings,
    Backoff backoff,
    TimeProvider time,
    ILoggerFactory loggers,
    IEnumerable<IReconcileObserver> observers) : IControllerTerm
{
    private readonly ILogger logger = loggers.CreateLogger<ControllerHost>();
    private readonly IReadOnlyList<IReconciler> controllers = [.. reconcilers];
    private int terms;

    /// <summary>How many times this host started acting (leadership terms).</summary>
    public int Terms => Volatile.Read(ref terms);

    /// <summary>The queues of the term under way; null while standing by. For tests and the status page.</summary>
    public ControllerQueues? Current { get; private set; }

    /// <inheritdoc/>
    public bool IsUnderway => Current is not null;

    /// <summary>Runs until <paramref name="stopping"/> is cancelled (SIGTERM, Ctrl-C) and shutdown is complete.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (controllers.Count == 0)
        {
            logger.LogWarning("No controllers are registered: nothing will be reconciled");
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Starting controllers {Controllers} on {Prefix}/ in namespace {Namespace} (concurrency {Concurrency}, interval {Interval}, leader election {LeaderElection})",
                string.Join(", ", controllers.Select(c => c.Name)),
                settings.Prefix,
                settings.Namespace,
                settings.Concurrency,
                settings.DefaultInterval,
                settings.LeaderElection);
        }

        if (settings.LeaderElection)
        {
            await election.RunAsync(ActAsync, stopping).ConfigureAwait(false);
        }
        else
        {
            await ActAsync(stopping, CancellationToken.None).ConfigureAwait(false);
        }

        logger.LogInformation("Controllers stopped");
    }

    private async Task ActAsync(CancellationToken stop, CancellationToken lost)
    {
        Interlocked.Increment(ref terms);
        using var queues = new ControllerQueues(controllers, settings, backoff, watcher, pause, time, loggers, [.. observers]);
        router.Attach(queues);
        pause.Resumed += queues.OnResumed;
        Current = queues;
        try
        {
            var watching = watcher.RunAsync(queues.OnChange, stop);
            var nomadJobs = controllers.Any(c => c.Name == ControllerName.NomadJob);
            var drift = nomadJobs ? ownedJobs.RunAsync(queues, stop) : Task.CompletedTask;
            var rollouts = nomadJobs ? deployments.RunAsync(queues, stop) : Task.CompletedTask;
            var running = queues.RunAsync(stop, lost);
            await Task.WhenAll(watching, drift, rollouts, running).ConfigureAwait(false);
        }
        finally
        {
            Current = null;
            pause.Resumed -= queues.OnResumed;
            router.Detach(queues);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Engine;

/// <summary>The engine's log of outcomes: one line when an outcome starts, Debug while it repeats.</summary>
public sealed class OutcomeLogTests : EngineTestBase
{
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");

    [Fact]
    public async Task A_failure_is_logged_once_a_repeat_at_debug_and_the_recovery_once()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var outcomes = new Queue<ReconcileOutcome>(
        [
            new ReconcileOutcome.UpToDate("apps is fine"),
            new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "apps: the remote hung up"),
            new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "apps: the remote hung up"),
            new ReconcileOutcome.UpToDate("apps is fine again"),
            new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "apps: item \"url\" is empty"),
        ]);
        var repos = new ReconcilerDouble(ControllerName.GitRepository, ObjectKind.GitRepository)
        {
            Behaviour = (_, _) => Task.FromResult(outcomes.Dequeue()),
        };
        var logs = new RecordingLoggerProvider();
        await using var provider = Build(logs, repos);
        using var stop = new CancellationTokenSource();
        var host = provider.GetRequiredService<ControllerHost>();
        var running = host.RunAsync(stop.Token);

        for (var i = 0; i < 5; i++)
        {
            if (i > 0)
            {
                host.Current.ShouldNotBeNull().Trigger(ControllerName.GitRepository, Apps);
            }

            await repos.NextCallOfAsync(Apps);
            await host.Current.ShouldNotBeNull().QueueOf(ControllerName.GitRepository).ShouldNotBeNull().WaitIdleAsync(ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15), ct);
        var lines = logs.Events.Where(e => e.Category == typeof(ControllerQueues).FullName).Select(e => (e.Level, e.Message)).ToList();
        lines.ShouldBe(
        [
            (LogLevel.Debug, "gitrepository/apps up to date (Succeeded): apps is fine"),
            (LogLevel.Warning, "gitrepository/apps failed (GitOperationFailed): apps: the remote hung up; retrying in 5s"),
            (LogLevel.Debug, "gitrepository/apps failed (GitOperationFailed): apps: the remote hung up; retrying in 5s"),
            (LogLevel.Information, "gitrepository/apps recovered (Succeeded): apps is fine again"),
            (LogLevel.Error, "gitrepository/apps stalled (InvalidSpec): apps: item \"url\" is empty; waiting for a change to its spec"),
        ]);
    }

    private ServiceProvider Build(RecordingLoggerProvider logs, IReconciler reconciler)
    {
        var address = Nomad.Address.ToString();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new NomadClient(new NomadClientOptions { Address = address, MaxAttempts = 1 }));
        services.AddNomadGitOpsEngine(HostUnderTest.Settings(leaderElection: false), new NomadClientOptions { Address = address });
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        services.AddSingleton(reconciler);
        return services.BuildServiceProvider();
    }
}

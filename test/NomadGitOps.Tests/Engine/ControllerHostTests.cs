using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Engine;

public sealed class ControllerHostTests : EngineTestBase
{
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("a-apps");
    private static readonly ObjectKey Other = ObjectKey.GitRepository("z-other");
    private static readonly ObjectKey Web = ObjectKey.NomadJob("default", "web");
    private static readonly ObjectKey Sentinel = ObjectKey.GitRepository("zz-sentinel");

    [Fact]
    public async Task Every_object_is_reconciled_at_start_by_each_controller_of_its_kind()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(Web, ("repository", "a-apps"), ("file", "web.nomad.hcl"));
        var (repos, index, jobs) = (GitRepositories(), Indexes(), Jobs());
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos, index, jobs);

        host.Start();

        (await repos.NextCallAsync()).Key.ShouldBe(Apps);
        (await index.NextCallAsync()).Key.ShouldBe(Apps);
        (await jobs.NextCallAsync()).Key.ShouldBe(Web);
    }

    [Fact]
    public async Task A_trigger_reaches_the_queue_of_the_controller_it_names()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (repos, index) = (GitRepositories(), Indexes());
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos, index);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await index.NextCallOfAsync(Apps);

        host.Trigger.Trigger(ControllerName.NomadJobIndex, Apps);

        await index.NextCallOfAsync(Apps);
        index.CountOf(Apps).ShouldBe(2);
        repos.CountOf(Apps).ShouldBe(1);
    }

    [Fact]
    public async Task An_up_to_date_object_is_looked_at_again_at_its_slot_of_its_own_interval()
    {
        await PutAsync(Apps, ("url", "file:///apps"), ("interval", "2m"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);
        var due = IntervalSpread.Next($"{ControllerName.GitRepository}/{Apps}", TimeSpan.FromMinutes(2), clock.GetUtcNow());
        due.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1));

        // Not a second before its slot: the sentinel runs first.
        clock.Advance(due - TimeSpan.FromSeconds(1));
        host.Trigger.Trigger(ControllerName.GitRepository, Sentinel);
        (await repos.NextCallAsync()).Key.ShouldBe(Sentinel);
        repos.CountOf(Apps).ShouldBe(1);

        clock.Advance(TimeSpan.FromSeconds(1));
        await repos.NextCallOfAsync(Apps);
    }

    [Fact]
    public async Task A_failed_reconcile_is_retried_after_backoff_and_a_stalled_one_waits_for_its_spec_to_change()
    {
        var failing = ObjectKey.GitRepository("a-failing");
        var stalled = ObjectKey.GitRepository("b-stalled");
        await PutAsync(failing, ("url", "file:///f"));
        await PutAsync(stalled, ("url", "file:///s"));
        var repos = GitRepositories();
        repos.Behaviour = (key, _) => Task.FromResult<ReconcileOutcome>(
            key == failing ? new ReconcileOutcome.Failed(Reasons.GitOperationFailed, "remote down")
            : key == stalled ? new ReconcileOutcome.Stalled(Reasons.InvalidSpec, "bad url")
            : new ReconcileOutcome.UpToDate("fine"));
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(failing);
        await repos.NextCallOfAsync(stalled);
        await host.IdleAsync(ControllerName.GitRepository);

        clock.Advance(TimeSpan.FromSeconds(5));
        await repos.NextCallOfAsync(failing);

        clock.Advance(TimeSpan.FromMinutes(10));
        host.Trigger.Trigger(ControllerName.GitRepository, Sentinel);
        await repos.NextCallOfAsync(Sentinel);
        repos.CountOf(stalled).ShouldBe(1);

        await PutAsync(stalled, ("url", "file:///fixed"));
        await repos.NextCallOfAsync(stalled);
    }

    [Fact]
    public async Task A_status_only_write_does_not_wake_an_object_but_a_spec_change_does()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        await PutAsync(Other, ("url", "file:///other"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        await repos.NextCallOfAsync(Other);

        await PutAsync(Apps, (ItemKeys.StatusReady, "True"), (ItemKeys.StatusMessage, "fetched"));
        await PutAsync(Other, ("branch", "release"));

        // Apps sorts first, so a wake-up from its status write would have run before Other's.
        await repos.NextCallOfAsync(Other);
        repos.CountOf(Apps).ShouldBe(1);

        await PutAsync(Apps, ("branch", "release"));
        await repos.NextCallOfAsync(Apps);
    }

    [Fact]
    public async Task A_new_reconcile_requested_at_forces_a_reconcile()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(Apps);

        await PutAsync(Apps, (ItemKeys.ReconcileRequestedAt, "2026-11-25T18:00:00Z"));

        await repos.NextCallOfAsync(Apps);
        repos.CountOf(Apps).ShouldBe(2);
    }

    [Fact]
    public async Task A_new_object_is_picked_up_and_a_deleted_one_gets_one_last_look_and_is_not_scheduled_again()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(Apps);

        await PutAsync(Other, ("url", "file:///other"));
        await repos.NextCallOfAsync(Other);
        await host.IdleAsync(ControllerName.GitRepository);

        await DeleteAsync(Apps);
        await repos.NextCallOfAsync(Apps);
        await host.IdleAsync(ControllerName.GitRepository);

        clock.Advance(TimeSpan.FromMinutes(2));
        await repos.NextCallOfAsync(Other);
        host.Trigger.Trigger(ControllerName.GitRepository, Sentinel);
        await repos.NextCallOfAsync(Sentinel);
        repos.CountOf(Apps).ShouldBe(2);
    }

    [Fact]
    public async Task The_controller_variable_pauses_every_reconcile_and_removing_it_resumes()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        var reconciledWhilePaused = 0;
        repos.Behaviour = (_, _) =>
        {
            if (host.Pause.IsPaused)
            {
                Interlocked.Increment(ref reconciledWhilePaused);
            }

            return Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.UpToDate("fine"));
        };
        host.Start();
        await repos.NextCallOfAsync(Apps);

        var paused = Signal(h => host.Pause.Paused += h);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Pause.Held += (_, key) => held.TrySetResult();

        await SetControllerVariableAsync(("suspend", "true"));
        await paused.WaitAsync(TimeSpan.FromSeconds(10), ct);
        await PutAsync(Apps, ("branch", "release"));
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        await DeleteControllerVariableAsync();

        await repos.NextCallOfAsync(Apps);
        host.Pause.IsPaused.ShouldBeFalse();
        reconciledWhilePaused.ShouldBe(0);
    }

    private static Task Signal(Action<Action> subscribe)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe(() => signal.TrySetResult());
        return signal.Task;
    }

    [Fact]
    public async Task The_watcher_survives_nomad_errors_and_catches_up_after_its_backoff()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        var host = NewHost(HostUnderTest.Settings(leaderElection: false), null, repos);
        host.Start();
        await repos.NextCallOfAsync(Apps);
        var backingOff = clock.NextTimer(TimeSpan.FromSeconds(5));

        // Whichever list comes next (the blocking one in flight may answer this write first) meets the fault.
        Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/vars", Status = 500, Body = "boom", Times = 1 });
        await PutAsync(Other, ("url", "file:///other"));
        await backingOff.WaitAsync(TimeSpan.FromSeconds(10), ct);

        var late = ObjectKey.GitRepository("late");
        await PutAsync(late, ("url", "file:///late"));
        clock.Advance(TimeSpan.FromSeconds(5));
        await repos.NextCallOfAsync(late);
    }
}

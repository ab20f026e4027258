using Nomad.Emulator.Faults;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Engine;

/// <summary>Two replicas on one emulator, each on its own fake clock (the emulator on a third), so each retry and renew is stepped by hand.</summary>
public sealed class LeaderElectionTests : EngineTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly ObjectKey Apps = ObjectKey.GitRepository("apps");
    private static readonly string LeaderPath = ObjectKey.LeaderPath(ObjectKey.DefaultPrefix);

    private readonly SignallingClock clockA = new();
    private readonly SignallingClock clockB = new();

    private static TimeSpan Retry => HostUnderTest.Settings().LeaderTtl / 2;

    [Fact]
    public async Task Of_two_replicas_exactly_one_acts_and_the_other_takes_over_when_it_releases_the_lock()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (reposA, reposB) = (GitRepositories(), GitRepositories());
        var a = NewHost(HostUnderTest.Settings(), clockA, reposA);
        var b = NewHost(HostUnderTest.Settings(), clockB, reposB);
        a.Start();
        await reposA.NextCallOfAsync(Apps);

        var standingBy = clockB.NextTimer(Retry);
        b.Start();
        await standingBy.WaitAsync(Patience, ct);
        for (var i = 0; i < 3; i++)
        {
            var next = clockB.NextTimer(Retry);
            clockB.Advance(Retry);
            await next.WaitAsync(Patience, ct);
        }

        b.Election.AcquireAttempts.ShouldBe(4);
        b.Election.IsLeader.ShouldBeFalse();
        b.Host.Terms.ShouldBe(0);
        reposB.Total.ShouldBe(0);
        a.Election.IsLeader.ShouldBeTrue();

        await a.StopAsync();
        Nomad.State.Variables.Get("default", LeaderPath).ShouldNotBeNull().Lock.ShouldBeNull();
        clockB.Advance(Retry);

        await reposB.NextCallOfAsync(Apps);
        b.Election.IsLeader.ShouldBeTrue();
    }

    [Fact]
    public async Task A_replica_takes_over_once_the_lock_of_a_leader_that_died_expires()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (reposA, reposB) = (GitRepositories(), GitRepositories());
        var a = NewHost(HostUnderTest.Settings(), clockA, reposA);
        var b = NewHost(HostUnderTest.Settings(), clockB, reposB);
        a.Start();
        await reposA.NextCallOfAsync(Apps);

        // The leader dies: it can no longer reach Nomad to release its lock.
        Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + LeaderPath, Kind = FaultKind.Drop, Times = 1 });
        await a.StopAsync();
        Nomad.Faults.Clear();

        var standingBy = clockB.NextTimer(Retry);
        b.Start();
        await standingBy.WaitAsync(Patience, ct);

        // Nomad frees the lock 2×TTL + lock delay after the last renew; B retries every TTL/2 meanwhile.
        var settings = HostUnderTest.Settings();
        var freedAfter = (2 * settings.LeaderTtl) + settings.LeaderLockDelay;
        var waited = TimeSpan.Zero;
        while (waited < freedAfter)
        {
            b.Election.IsLeader.ShouldBeFalse();
            var next = clockB.NextTimer(Retry);
            clock.Advance(Retry);
            clockB.Advance(Retry);
            waited += Retry;
            await next.WaitAsync(Patience, ct);
        }

        await reposB.NextCallOfAsync(Apps);
        b.Election.IsLeader.ShouldBeTrue();
        reposA.Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_leader_that_loses_its_lock_cancels_the_reconciles_in_hand_and_stops_acting()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var (reposA, reposB) = (GitRepositories(), GitRepositories());
        reposA.Behaviour = async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new ReconcileOutcome.UpToDate("never");
        };
        var a = NewHost(HostUnderTest.Settings(), clockA, reposA);
        var b = NewHost(HostUnderTest.Settings(), clockB, reposB);
        a.Start();
        var inHand = await reposA.NextCallOfAsync(Apps);

        // The lock is taken from A (as when it expired unnoticed) and B takes it.
        var standingBy = clockB.NextTimer(Retry);
        b.Start();
        await standingBy.WaitAsync(Patience, ct);
        var held = Nomad.State.Variables.Get("default", LeaderPath).ShouldNotBeNull().Lock.ShouldNotBeNull();
        Nomad.State.Write(index => Nomad.State.Variables.Release("default", LeaderPath, lockId: null, index));
        Nomad.State.LockTimers.Stop(held.Id);
        clockB.Advance(Retry);
        await reposB.NextCallOfAsync(Apps);

        // A's next renew is refused: it stops at once, cancelling the reconcile in hand.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = inHand.Register(() => cancelled.TrySetResult());
        var retrying = clockA.NextTimer(Retry);
        clockA.Advance(Retry);
        await cancelled.Task.WaitAsync(Patience, ct);
        await retrying.WaitAsync(Patience, ct);
        a.Election.IsLeader.ShouldBeFalse();
        b.Election.IsLeader.ShouldBeTrue();
        reposA.Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_leader_whose_lock_was_taken_waits_half_a_ttl_before_asking_for_it_again()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        repos.Behaviour = async (_, token) =>
        {
            // The first term's reconcile is in hand until cancelled; the next term's ends.
            if (repos.Total == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return new ReconcileOutcome.UpToDate("done");
        };
        var a = NewHost(HostUnderTest.Settings(), clockA, repos);
        a.Start();
        var inHand = await repos.NextCallOfAsync(Apps);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = inHand.Register(() => cancelled.TrySetResult());
        var attempts = a.Election.AcquireAttempts;

        var held = Nomad.State.Variables.Get("default", LeaderPath).ShouldNotBeNull().Lock.ShouldNotBeNull();
        var pausing = clockA.NextTimer(Retry);
        Nomad.State.Write(index => Nomad.State.Variables.Release("default", LeaderPath, held.Id, index));
        Nomad.State.LockTimers.Stop(held.Id);
        await cancelled.Task.WaitAsync(Patience, ct);
        await pausing.WaitAsync(Patience, ct);

        // The lock is free, yet A has not asked for it: a standby would have had TTL/2 to take it first.
        a.Election.AcquireAttempts.ShouldBe(attempts);
        Nomad.State.Variables.Get("default", LeaderPath).ShouldNotBeNull().Lock.ShouldBeNull();
        var leading = repos.NextCallOfAsync(Apps);
        clockA.Advance(Retry);
        await leading.WaitAsync(Patience, ct);
        a.Election.AcquireAttempts.ShouldBe(attempts + 1);
    }

    [Fact]
    public async Task A_leader_whose_watch_of_the_lock_failed_still_stops_within_a_tenth_of_the_ttl_when_its_lock_is_released_by_hand()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        repos.Behaviour = async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new ReconcileOutcome.UpToDate("never");
        };
        var settings = HostUnderTest.Settings();
        var a = NewHost(settings, clockA, repos);
        a.Start();
        var inHand = await repos.NextCallOfAsync(Apps);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = inHand.Register(() => cancelled.TrySetResult());

        // At the renew TTL/2 after the acquire, the read of the lock's index and the watch after the renew both fail.
        Nomad.Faults.Add(new FaultRule { Method = "GET", PathPrefix = "/v1/var/" + LeaderPath, Status = 500, Body = "boom", Times = 2 });
        var watchRetry = settings.LeaderTtl / 10;
        var watchFailed = clockA.NextTimer(watchRetry);
        clockA.Advance(Retry);
        await watchFailed.WaitAsync(Patience, ct);
        Nomad.Faults.Active().ShouldBeEmpty();

        // Someone releases the lock with its ID (as another replica would then take it and act).
        var held = Nomad.State.Variables.Get("default", LeaderPath).ShouldNotBeNull().Lock.ShouldNotBeNull();
        Nomad.State.Write(index => Nomad.State.Variables.Release("default", LeaderPath, held.Id, index));
        Nomad.State.LockTimers.Stop(held.Id);

        // The watch is read again TTL/10 later, sees the change, the renew is refused: A stops long before its next renew.
        clockA.Advance(watchRetry);
        await cancelled.Task.WaitAsync(Patience, ct);
        (clockA.GetUtcNow() - clockA.Start).ShouldBeLessThan(2 * Retry);
    }

    [Fact]
    public async Task A_leader_whose_renews_fail_for_a_whole_ttl_steps_down_and_cancels_the_reconciles_in_hand()
    {
        await PutAsync(Apps, ("url", "file:///apps"));
        var repos = GitRepositories();
        repos.Behaviour = async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new ReconcileOutcome.UpToDate("never");
        };
        var settings = HostUnderTest.Settings();
        var a = NewHost(settings, clockA, repos);
        a.Start();
        var inHand = await repos.NextCallOfAsync(Apps);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = inHand.Register(() => cancelled.TrySetResult());
        Nomad.Faults.Add(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + LeaderPath, Status = 500, Body = "No cluster leader" });

        // The first failed renew (TTL/2 after the acquire) is retried: the lock is still ours on Nomad's side.
        var step = settings.LeaderTtl / 6;
        var retrying = clockA.NextTimer(step);
        clockA.Advance(Retry);
        await retrying.WaitAsync(Patience, ct);
        cancelled.Task.IsCompleted.ShouldBeFalse();
        a.Election.IsLeader.ShouldBeTrue();

        for (var i = 0; i < 10 && !cancelled.Task.IsCompleted; i++)
        {
            var next = clockA.NextTimer(step);
            clockA.Advance(step);
            await Task.WhenAny(next, cancelled.Task).WaitAsync(Patience, ct);
        }

        await cancelled.Task.WaitAsync(Patience, ct);
        // Before Nomad could free the lock for a successor (2×TTL after the last renew).
        (clockA.GetUtcNow() - clockA.Start).ShouldBeLessThan(2 * settings.LeaderTtl);
    }
}

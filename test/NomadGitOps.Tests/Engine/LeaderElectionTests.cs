using Nomad.Emulator.Faults;
using NomadGitOps.Engine;
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
}

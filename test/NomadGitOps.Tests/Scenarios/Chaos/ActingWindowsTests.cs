using Nomad.Emulator.Faults;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// The chaos suite's one-replica check on hand-written write logs: an overlap of two replicas is a violation, except
/// the writes a holder issued before it stepped down after someone else released its lock.
/// </summary>
public sealed class ActingWindowsTests
{
    private const string Leader = "/v1/var/nomad-gitops/v1/leader";
    private static readonly DateTimeOffset Zero = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly string One = ActingWindows.ClientOf("replica-1");
    private static readonly string Two = ActingWindows.ClientOf("replica-2");
    private static readonly Dictionary<string, string> Replicas = new() { [One] = "replica-1", [Two] = "replica-2" };

    [Fact]
    public void A_write_of_the_old_holder_after_another_replica_acquired_an_expired_lock_is_interleaved()
    {
        var windows = new ActingWindows(
        [
            Lock(One, "lock-acquire", 0, 200),
            Write(One, 1),
            Lock(Two, "lock-acquire", 20, 200),
            Write(One, 21),
        ], Leader, Replicas);

        windows.Interleaved().Count.ShouldBe(1);
        windows.HandReleaseOverlap().ShouldBeEmpty();
    }

    [Fact]
    public void A_write_of_the_holder_before_it_stepped_down_after_a_hand_release_is_overlap_not_interleaved()
    {
        var windows = new ActingWindows(
        [
            Lock(One, "lock-acquire", 0, 200),
            Lock("anonymous", "lock-release", 5, 200),
            Lock(Two, "lock-acquire", 5.1, 200),
            Write(One, 5.2),
            Lock(One, "lock-renew", 5.3, 409),
            Write(One, 5.35, status: 0),
            Lock(One, "lock-acquire", 5.4, 409),
            Write(Two, 5.5),
        ], Leader, Replicas);

        windows.Interleaved().ShouldBeEmpty();
        windows.HandReleaseOverlap().Count.ShouldBe(2);
    }

    [Fact]
    public void A_write_of_the_holder_after_its_next_acquire_attempt_is_interleaved_even_after_a_hand_release()
    {
        var windows = new ActingWindows(
        [
            Lock(One, "lock-acquire", 0, 200),
            Lock("anonymous", "lock-release", 5, 200),
            Lock(Two, "lock-acquire", 5.1, 200),
            Lock(One, "lock-acquire", 5.4, 409),
            Write(One, 5.5),
        ], Leader, Replicas);

        windows.Interleaved().Count.ShouldBe(1);
        windows.HandReleaseOverlap().ShouldBeEmpty();
    }

    [Fact]
    public void A_write_of_a_replica_that_never_held_the_lock_is_interleaved_even_after_a_hand_release()
    {
        var windows = new ActingWindows(
        [
            Lock(One, "lock-acquire", 0, 200),
            Lock("anonymous", "lock-release", 5, 200),
            Lock(One, "lock-acquire", 5.1, 200),
            Write(Two, 5.2),
            Lock(Two, "lock-acquire", 5.4, 409),
        ], Leader, Replicas);

        windows.Interleaved().Count.ShouldBe(1);
        windows.HandReleaseOverlap().ShouldBeEmpty();
    }

    [Fact]
    public void A_hand_release_in_a_later_term_does_not_excuse_an_earlier_overlap()
    {
        var windows = new ActingWindows(
        [
            Lock(One, "lock-acquire", 0, 200),
            Lock(Two, "lock-acquire", 20, 200),
            Write(One, 21),
            Lock("anonymous", "lock-release", 30, 200),
            Lock(One, "lock-acquire", 31, 200),
        ], Leader, Replicas);

        windows.Interleaved().Count.ShouldBe(1);
    }

    private static LoggedRequest Lock(string client, string operation, double at, int status) =>
        new(Zero.AddSeconds(at), Zero.AddSeconds(at + 0.01), "PUT", Leader, $"?namespace=default&{operation}", client, status);

    private static LoggedRequest Write(string client, double at, int status = 200) =>
        new(Zero.AddSeconds(at), Zero.AddSeconds(at + 0.01), "PUT", "/v1/var/nomad-gitops/v1/gitrepository/apps", "?cas=1", client, status);
}

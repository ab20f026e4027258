using NomadGitOps.Engine;

namespace NomadGitOps.Tests.Engine;

public sealed class IntervalSpreadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 23, 41, 7, 123, TimeSpan.Zero);

    [Fact]
    public void A_thousand_objects_reconciled_at_once_are_due_across_the_whole_interval()
    {
        var interval = TimeSpan.FromMinutes(1);

        var waits = Enumerable.Range(0, 1_000).Select(i => IntervalSpread.Next($"NomadJob/nomadjob/default/job-{i}", interval, Now)).ToList();

        // Every wait lies in [interval/2, 3·interval/2), and the due times fill each tenth of the interval about evenly.
        waits.ShouldAllBe(w => w >= TimeSpan.FromSeconds(30) && w < TimeSpan.FromSeconds(90));
        var tenths = waits.GroupBy(w => (int)((w - TimeSpan.FromSeconds(30)).Ticks * 10 / interval.Ticks)).ToDictionary(g => g.Key, g => g.Count());
        tenths.Keys.Order().ShouldBe(Enumerable.Range(0, 10));
        tenths.Values.ShouldAllBe(n => n >= 60 && n <= 140);
    }

    [Fact]
    public void An_object_keeps_its_slot_so_after_the_first_wait_it_is_due_once_per_interval()
    {
        var interval = TimeSpan.FromMinutes(5);
        var first = IntervalSpread.Next("GitRepository/gitrepository/apps", interval, Now);

        // Reconciled again when due, the next wait is exactly one interval, and the slot does not depend on when it ran.
        IntervalSpread.Next("GitRepository/gitrepository/apps", interval, Now + first).ShouldBe(interval);
        IntervalSpread.Next("GitRepository/gitrepository/apps", interval, Now + first + TimeSpan.FromSeconds(7))
            .ShouldBe(interval - TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void The_slot_is_a_stable_hash_of_the_object_so_another_process_agrees()
    {
        var interval = TimeSpan.FromMinutes(1);

        IntervalSpread.Next("NomadJob/nomadjob/default/web", interval, Now).ShouldBe(IntervalSpread.Next("NomadJob/nomadjob/default/web", interval, Now));
        IntervalSpread.Phase("NomadJob/nomadjob/default/web", interval.Ticks).ShouldBe(IntervalSpread.Phase("NomadJob/nomadjob/default/web", interval.Ticks));
        IntervalSpread.Phase("NomadJob/nomadjob/default/web", interval.Ticks).ShouldNotBe(IntervalSpread.Phase("NomadJob/nomadjob/default/api", interval.Ticks));
    }

    [Fact]
    public void A_zero_interval_is_returned_as_it_is()
    {
        IntervalSpread.Next("x", TimeSpan.Zero, Now).ShouldBe(TimeSpan.Zero);
    }
}

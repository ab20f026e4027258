using NomadGitOps.Engine;

namespace NomadGitOps.Tests.Engine;

public sealed class IntervalJitterTests
{
    [Fact]
    public void Each_wait_lies_within_ten_percent_of_the_interval_and_they_spread()
    {
        var jitter = new IntervalJitter(IntervalJitter.DefaultFraction, new Random(5));
        var interval = TimeSpan.FromMinutes(1);

        var waits = Enumerable.Range(0, 1_000).Select(_ => jitter.Next(interval)).ToList();

        waits.ShouldAllBe(w => w >= TimeSpan.FromSeconds(54) && w <= TimeSpan.FromSeconds(66));
        waits.Min().ShouldBeLessThan(TimeSpan.FromSeconds(55));
        waits.Max().ShouldBeGreaterThan(TimeSpan.FromSeconds(65));
    }

    [Fact]
    public void No_spread_gives_the_interval_itself()
    {
        new IntervalJitter(0, new Random(5)).Next(TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_waits()
    {
        var first = new IntervalJitter(0.1, new Random(9));
        var second = new IntervalJitter(0.1, new Random(9));

        Enumerable.Range(0, 10).Select(_ => first.Next(TimeSpan.FromMinutes(5)))
            .ShouldBe(Enumerable.Range(0, 10).Select(_ => second.Next(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void A_spread_beyond_the_whole_interval_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new IntervalJitter(1.5, new Random(1)));
    }
}

using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Controllers;

public sealed class BackoffTests
{
    private static readonly BackoffOptions Options = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    [Fact]
    public void No_failures_means_no_delay_so_a_success_resets_the_backoff()
    {
        new Backoff(Options, new Random(1)).DelayAfter(0).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Every_delay_lies_between_the_minimum_and_the_ceiling_of_its_failure_count()
    {
        var backoff = new Backoff(Options, new Random(7));
        foreach (var failures in Enumerable.Range(1, 70).Append(int.MaxValue))
        {
            for (var i = 0; i < 200; i++)
            {
                var delay = backoff.DelayAfter(failures);

                delay.ShouldBeGreaterThanOrEqualTo(Options.Min);
                delay.ShouldBeLessThanOrEqualTo(backoff.Ceiling(failures));
                delay.ShouldBeLessThanOrEqualTo(Options.Max);
            }
        }
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(1000, 300)]
    public void The_ceiling_doubles_with_each_failure_up_to_the_maximum(int failures, int ceilingSeconds)
    {
        new Backoff(Options, new Random(1)).Ceiling(failures).ShouldBe(TimeSpan.FromSeconds(ceilingSeconds));
    }

    [Fact]
    public void Delays_are_spread_by_jitter_rather_than_all_equal()
    {
        var backoff = new Backoff(Options, new Random(3));

        var delays = Enumerable.Range(0, 100).Select(_ => backoff.DelayAfter(6)).ToList();

        delays.Distinct().Count().ShouldBeGreaterThan(90);
        delays.Min().ShouldBeLessThan(TimeSpan.FromSeconds(60));
        delays.Max().ShouldBeGreaterThan(TimeSpan.FromSeconds(240));
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var first = new Backoff(Options, new Random(42));
        var second = new Backoff(Options, new Random(42));

        Enumerable.Range(1, 20).Select(first.DelayAfter).ShouldBe(Enumerable.Range(1, 20).Select(second.DelayAfter));
    }

    [Theory]
    [InlineData("a zero minimum", 0, 10)]
    [InlineData("a maximum below the minimum", 10, 5)]
    public void Bounds_that_make_no_sense_are_refused(string why, int minSeconds, int maxSeconds)
    {
        Should.Throw<ArgumentException>(() => new Backoff(new BackoffOptions(TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds)), new Random(1)), why);
    }
}

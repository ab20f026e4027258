using NomadGitOps.Server;
using NomadGitOps.Tests.Engine;

namespace NomadGitOps.Tests.Server;

public sealed class KeyedCoalescerTests
{
    [Fact]
    public async Task Requests_during_a_run_and_its_cool_down_make_exactly_one_more_run()
    {
        var clock = new SignallingClock();
        var ct = TestContext.Current.CancellationToken;
        var patience = TimeSpan.FromSeconds(10);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        await using var coalescer = new KeyedCoalescer<string>(
            async (_, _) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    started.SetResult();
                    await release.Task;
                }
            },
            (_, e) => throw e,
            TimeSpan.FromSeconds(1),
            clock);

        coalescer.Request("apps");
        await started.Task.WaitAsync(patience, ct);
        for (var i = 0; i < 9; i++)
        {
            coalescer.Request("apps");
        }

        // First run ends, its cool-down passes, the one coalesced run follows, then its own cool-down.
        var firstCoolDown = clock.NextTimer(TimeSpan.FromSeconds(1));
        release.SetResult();
        await firstCoolDown.WaitAsync(patience, ct);
        var secondCoolDown = clock.NextTimer(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await secondCoolDown.WaitAsync(patience, ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await coalescer.WhenIdleAsync(ct).WaitAsync(patience, ct);
        runs.ShouldBe(2);
        coalescer.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Different_keys_run_independently()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using var coalescer = new KeyedCoalescer<string>((key, _) => { seen.Add(key); return Task.CompletedTask; }, (_, e) => throw e, TimeSpan.Zero, TimeProvider.System);

        coalescer.Request("a");
        coalescer.Request("b");
        await coalescer.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        seen.Order(StringComparer.Ordinal).ShouldBe(["a", "b"]);
    }
}

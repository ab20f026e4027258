using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NomadGitOps.Engine;

namespace NomadGitOps.Tests.Engine;

public sealed class WorkQueueTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider time = new();
    private readonly CancellationTokenSource stop = new();
    private WorkQueue<string>? queue;
    private Task? running;

    [Fact]
    public async Task An_enqueued_key_is_processed()
    {
        var handler = new GatedHandler<string> { OpenGates = true };
        var q = Start(handler, workers: 2);

        q.Enqueue("a");

        (await handler.NextStartAsync()).Key.ShouldBe("a");
        await IdleAsync();
        handler.Finished.ShouldBe(["a"]);
    }

    [Fact]
    public async Task Repeated_triggers_while_a_key_waits_coalesce_into_one_run()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();

        for (var i = 0; i < 5; i++)
        {
            q.Enqueue("b");
        }

        q.WaitingCount.ShouldBe(1);
        busy.Open();
        var b = await handler.NextStartAsync();
        b.Key.ShouldBe("b");
        b.Open();
        await IdleAsync();
        handler.Finished.ShouldBe(["busy", "b"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task A_trigger_while_a_key_is_processed_runs_it_once_more_after_never_alongside()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 4);
        q.Enqueue("a");
        var first = await handler.NextStartAsync();

        q.Enqueue("a");
        q.Enqueue("a");
        q.Enqueue("a");

        q.ProcessingCount.ShouldBe(1);
        q.WaitingCount.ShouldBe(1);
        first.Open();
        var second = await handler.NextStartAsync();
        second.Key.ShouldBe("a");
        second.Open();
        await IdleAsync();
        handler.OverlapsOfOneKey.ShouldBe(0);
        handler.Finished.Count.ShouldBe(2);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task No_more_keys_than_workers_are_processed_at_once()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 2);
        foreach (var key in new[] { "a", "b", "c", "d", "e", "f" })
        {
            q.Enqueue(key);
        }

        var inHand = new Queue<GatedHandler<string>.Run>();
        inHand.Enqueue(await handler.NextStartAsync());
        inHand.Enqueue(await handler.NextStartAsync());
        q.ProcessingCount.ShouldBe(2);
        q.WaitingCount.ShouldBe(4);
        for (var i = 0; i < 4; i++)
        {
            inHand.Dequeue().Open();
            inHand.Enqueue(await handler.NextStartAsync());
        }

        while (inHand.Count > 0)
        {
            inHand.Dequeue().Open();
        }

        await IdleAsync();
        handler.MaxRunning.ShouldBe(2);
        handler.Finished.ShouldBe(["a", "b", "c", "d", "e", "f"], ignoreOrder: true);
    }

    [Fact]
    public async Task Many_triggers_from_many_threads_never_process_one_key_twice_at_once()
    {
        var handler = new GatedHandler<int> { OpenGates = true };
        var q = new WorkQueue<int>(new WorkQueueOptions { Workers = 4 }, time, NullLogger.Instance);
        using var _ = q;
        var run = q.RunAsync(handler.HandleAsync, stop.Token);

        Parallel.For(0, 4_000, i => q.Enqueue(i % 10));
        await q.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        handler.OverlapsOfOneKey.ShouldBe(0);
        handler.Finished.Distinct().Order().ShouldBe(Enumerable.Range(0, 10));
        await stop.CancelAsync();
        await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_delayed_key_waits_for_the_clock_to_reach_its_time()
    {
        var handler = new GatedHandler<string> { OpenGates = true };
        var q = Start(handler, workers: 1);

        q.EnqueueAfter("a", TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));

        q.WaitingCount.ShouldBe(0);
        q.ScheduledCount.ShouldBe(1);
        handler.HasUnseenStart.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        (await handler.NextStartAsync()).Key.ShouldBe("a");
        await IdleAsync();
        q.ScheduledCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_earlier_of_two_schedules_wins_and_the_later_is_dropped()
    {
        var handler = new GatedHandler<string> { OpenGates = true };
        var q = Start(handler, workers: 1);

        q.EnqueueAfter("a", TimeSpan.FromSeconds(30));
        q.EnqueueAfter("a", TimeSpan.FromSeconds(10));
        q.EnqueueAfter("a", TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(10));

        (await handler.NextStartAsync()).Key.ShouldBe("a");
        await IdleAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        q.WaitingCount.ShouldBe(0);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task Taking_a_key_drops_its_schedule_because_the_run_decides_the_next_one()
    {
        var handler = new GatedHandler<string> { OpenGates = true };
        var q = Start(handler, workers: 1);
        q.EnqueueAfter("a", TimeSpan.FromSeconds(10));

        q.Enqueue("a");
        await handler.NextStartAsync();
        await IdleAsync();

        q.ScheduledCount.ShouldBe(0);
        time.Advance(TimeSpan.FromSeconds(10));
        q.WaitingCount.ShouldBe(0);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task A_schedule_made_by_the_run_itself_brings_the_key_back_at_its_time()
    {
        var runs = 0;
        var q = new WorkQueue<string>(new WorkQueueOptions { Workers = 1 }, time, NullLogger.Instance);
        using var _ = q;
        var run = q.RunAsync(
            (key, _) =>
            {
                Interlocked.Increment(ref runs);
                q.EnqueueAfter(key, TimeSpan.FromMinutes(1));
                return Task.CompletedTask;
            },
            stop.Token);

        q.Enqueue("a");
        await q.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        q.ScheduledCount.ShouldBe(1);
        time.Advance(TimeSpan.FromMinutes(1));
        await q.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        runs.ShouldBe(2);
        q.ScheduledCount.ShouldBe(1);
        await stop.CancelAsync();
        await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_forgotten_key_is_neither_processed_from_the_queue_nor_from_its_schedule()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        q.Enqueue("gone");
        q.EnqueueAfter("later", TimeSpan.FromSeconds(5));

        q.Forget("gone");
        q.Forget("later");
        busy.Open();
        await IdleAsync();
        time.Advance(TimeSpan.FromSeconds(5));

        q.WaitingCount.ShouldBe(0);
        handler.Finished.ShouldBe(["busy"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task Shutdown_lets_the_key_in_hand_finish_and_starts_nothing_new()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("a");
        var a = await handler.NextStartAsync();
        q.Enqueue("b");

        await stop.CancelAsync();

        running!.IsCompleted.ShouldBeFalse();
        a.Token.IsCancellationRequested.ShouldBeFalse();
        q.Enqueue("c");
        q.WaitingCount.ShouldBe(0);
        a.Open();
        await running.WaitAsync(Patience, TestContext.Current.CancellationToken);
        handler.Finished.ShouldBe(["a"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task A_run_that_outlasts_the_drain_timeout_has_its_token_cancelled()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1, drain: TimeSpan.FromSeconds(30));
        q.Enqueue("a");
        var a = await handler.NextStartAsync();

        await stop.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(29));
        a.Token.IsCancellationRequested.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));

        a.Token.IsCancellationRequested.ShouldBeTrue();
        await running!.WaitAsync(Patience, TestContext.Current.CancellationToken);
        handler.Finished.ShouldBe(["a"]);
    }

    [Fact]
    public async Task A_run_that_throws_is_retried_after_the_error_delay()
    {
        var attempts = 0;
        var q = new WorkQueue<string>(new WorkQueueOptions { Workers = 1, RetryAfterError = TimeSpan.FromSeconds(30) }, time, NullLogger.Instance);
        using var _ = q;
        var run = q.RunAsync(
            (_, _) => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask,
            stop.Token);

        q.Enqueue("a");
        await q.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        q.ScheduledCount.ShouldBe(1);
        time.Advance(TimeSpan.FromSeconds(30));
        await q.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        attempts.ShouldBe(2);
        q.ScheduledCount.ShouldBe(0);
        await stop.CancelAsync();
        await run.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Waiting_for_idle_completes_only_when_every_run_finished()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 2);
        q.Enqueue("a");
        var a = await handler.NextStartAsync();

        var idle = q.WaitIdleAsync(TestContext.Current.CancellationToken);

        idle.IsCompleted.ShouldBeFalse();
        a.Open();
        await idle.WaitAsync(Patience, TestContext.Current.CancellationToken);
        q.ProcessingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_triggered_key_goes_ahead_of_keys_whose_schedule_fell_due()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        q.EnqueueAfter("due-1", TimeSpan.FromSeconds(1));
        q.EnqueueAfter("due-2", TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        q.Enqueue("triggered");
        busy.Open();

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = await handler.NextStartAsync();
            order.Add(next.Key);
            next.Open();
        }

        order.ShouldBe(["triggered", "due-1", "due-2"]);
    }

    [Fact]
    public async Task A_due_key_triggered_while_it_waits_moves_ahead_and_runs_once()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        q.EnqueueAfter("a", TimeSpan.FromSeconds(1));
        q.EnqueueAfter("b", TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        q.Enqueue("b");
        q.WaitingCount.ShouldBe(2);
        busy.Open();

        var b = await handler.NextStartAsync();
        b.Key.ShouldBe("b");
        b.Open();
        var a = await handler.NextStartAsync();
        a.Key.ShouldBe("a");
        a.Open();
        await IdleAsync();
        handler.Finished.ShouldBe(["busy", "b", "a"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task Keys_queued_behind_wait_for_every_triggered_key_even_those_triggered_later()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        for (var i = 0; i < 3; i++)
        {
            q.EnqueueBehind($"deployment-{i}");
        }

        q.Enqueue("changed-file");
        busy.Open();

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var next = await handler.NextStartAsync();
            order.Add(next.Key);
            next.Open();
        }

        order.ShouldBe(["changed-file", "deployment-0", "deployment-1", "deployment-2"]);
        await IdleAsync();
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task A_key_queued_behind_while_it_is_triggered_keeps_its_place_in_front_and_runs_once()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        q.EnqueueBehind("other");
        q.Enqueue("a");
        q.EnqueueBehind("a");

        q.WaitingCount.ShouldBe(2);
        busy.Open();
        var a = await handler.NextStartAsync();
        a.Key.ShouldBe("a");
        a.Open();
        var other = await handler.NextStartAsync();
        other.Key.ShouldBe("other");
        other.Open();
        await IdleAsync();
        handler.Finished.ShouldBe(["busy", "a", "other"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public async Task A_key_queued_behind_and_then_triggered_moves_ahead_and_runs_once()
    {
        var handler = new GatedHandler<string>();
        var q = Start(handler, workers: 1);
        q.Enqueue("busy");
        var busy = await handler.NextStartAsync();
        q.EnqueueBehind("other");
        q.EnqueueBehind("a");
        q.Enqueue("a");

        busy.Open();
        var a = await handler.NextStartAsync();
        a.Key.ShouldBe("a");
        a.Open();
        var other = await handler.NextStartAsync();
        other.Key.ShouldBe("other");
        other.Open();
        await IdleAsync();
        handler.Finished.ShouldBe(["busy", "a", "other"]);
        handler.HasUnseenStart.ShouldBeFalse();
    }

    [Fact]
    public void A_queue_needs_at_least_one_worker()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WorkQueue<string>(new WorkQueueOptions { Workers = 0 }, time, NullLogger.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            // Let gated runs finish, so no worker outlives the test.
            time.Advance(TimeSpan.FromHours(1));
            await running.WaitAsync(Patience, CancellationToken.None);
        }

        queue?.Dispose();
        stop.Dispose();
    }

    private WorkQueue<string> Start(GatedHandler<string> handler, int workers, TimeSpan? drain = null)
    {
        queue = new WorkQueue<string>(new WorkQueueOptions { Workers = workers, DrainTimeout = drain ?? TimeSpan.FromSeconds(30) }, time, NullLogger.Instance);
        running = queue.RunAsync(handler.HandleAsync, stop.Token);
        return queue;
    }

    private Task IdleAsync() =>
        queue!.WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
}

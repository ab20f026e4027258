using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Nomad.Client.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates, so a test can wait until the code
/// under test is waiting (a backoff, a request timeout) before advancing the clock.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();
    private readonly ConcurrentQueue<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = new();

    /// <summary>Due times of every timer created so far.</summary>
    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    /// <summary>Completes when a timer whose due time matches is created (or already was).</summary>
    public Task<TimeSpan> TimerCreated(Func<TimeSpan, bool> match)
    {
        var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((match, signal));
        foreach (var due in _dueTimes)
        {
            if (match(due))
            {
                signal.TrySetResult(due);
            }
        }

        return signal.Task;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        foreach (var (match, signal) in _waiters)
        {
            if (match(dueTime))
            {
                signal.TrySetResult(dueTime);
            }
        }

        return timer;
    }
}

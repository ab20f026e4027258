using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace NomadGitOps.Tests.Engine;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when the code under test starts waiting for a given delay, so
/// the test advances the clock only once the code is waiting (a retry, a renew).
/// </summary>
internal sealed class SignallingClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<(TimeSpan Due, TaskCompletionSource Signal)> waiters = new();

    /// <summary>Completes when a timer of <paramref name="due"/> (to the millisecond, as <c>Task.Delay</c> rounds) is created after this call.</summary>
    public Task NextTimer(TimeSpan due)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Enqueue((due, signal));
        return signal.Task;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        foreach (var (due, signal) in waiters)
        {
            if ((long)due.TotalMilliseconds == (long)dueTime.TotalMilliseconds)
            {
                signal.TrySetResult();
            }
        }

        return timer;
    }
}

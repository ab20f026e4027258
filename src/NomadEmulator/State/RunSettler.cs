using System.Collections.Concurrent;

namespace Nomad.Emulator.State;

/// <summary>
/// Finishes job runs on the emulator's clock: <see cref="EmulatorOptions.DeploymentDuration"/> after a version is
/// registered its deployment turns successful (or failed, maybe rolling back) and a batch job turns dead
/// (<see cref="JobsTable.Settle"/>). Uses <see cref="TimeProvider.CreateTimer"/>, so a FakeTimeProvider's
/// <c>Advance</c> settles runs deterministically.
/// </summary>
public sealed class RunSettler(EmulatorState state)
{
    private readonly ConcurrentDictionary<SettleTarget, ITimer> _timers = new();

    /// <summary>Arms a timer for <paramref name="target"/>; call it after the write that created the run.</summary>
    public void Schedule(SettleTarget? target)
    {
        if (target is null)
        {
            return;
        }

        var timer = state.Clock.CreateTimer(_ => Fire(target), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[target] = timer;
        timer.Change(state.Options.DeploymentDuration, Timeout.InfiniteTimeSpan);
    }

    private void Fire(SettleTarget target)
    {
        if (_timers.TryRemove(target, out var timer))
        {
            timer.Dispose();
        }

        // A failed deployment with auto_revert registers a rollback, whose own deployment settles in turn.
        Schedule(state.Write(index => state.Jobs.Settle(target, index, state.NowUnixNano())));
    }
}

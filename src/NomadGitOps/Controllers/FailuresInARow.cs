using System.Collections.Concurrent;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers;

/// <summary>
/// Each object's failures in a row, in memory, for a controller whose status keeps no
/// <c>status_consecutive_failures</c> (the index, whose repository's count is the GitRepository controller's; Receiver;
/// Alert): the count the <see cref="ReconcileSkeleton"/> draws the retry time of the next <c>Failed</c> from, so a
/// failure that lasts backs off as far as the one <c>Backoff</c> goes instead of retrying at its first delay. It
/// follows <see cref="ReconcileOutcome.ConsecutiveFailures"/>: up to date resets it, waiting keeps it. After a restart
/// it starts from 0, as the engine's own count does for such objects.
/// </summary>
internal sealed class FailuresInARow
{
    private readonly ConcurrentDictionary<ObjectKey, int> counts = new();

    /// <summary>The failures in a row of <paramref name="key"/> before this reconcile.</summary>
    public int Before(ObjectKey key) => counts.GetValueOrDefault(key);

    /// <summary>Records how the reconcile of <paramref name="key"/> ended; returns the count after it.</summary>
    public int After(ObjectKey key, ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var after = outcome.ConsecutiveFailures(Before(key));
        if (after == 0)
        {
            counts.TryRemove(key, out _);
        }
        else
        {
            counts[key] = after;
        }

        return after;
    }

    /// <summary>Forgets a deleted object.</summary>
    public void Forget(ObjectKey key) => counts.TryRemove(key, out _);
}

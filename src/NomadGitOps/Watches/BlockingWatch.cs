using Microsoft.Extensions.Logging;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// The loop around a blocking query that follows something in Nomad: one pass after another, each given the index the
/// previous one returned, until cancelled. A failed pass is logged once (then at Debug while it keeps failing), waited
/// out with backoff on the clock, and retried; the first pass that works again says so. A pass that returned sooner than
/// <c>spacing</c> after it started is followed only once <c>spacing</c> has passed (see <see cref="WatchOptions.WatchSpacing"/>).
/// </summary>
internal static class BlockingWatch
{
    /// <summary>Runs <paramref name="pass"/> until <paramref name="ct"/> is cancelled; <paramref name="what"/> names the watched thing in logs.</summary>
    public static async Task RunAsync(
        Func<ulong, CancellationToken, Task<ulong>> pass, string what, Backoff backoff, TimeProvider time, ILogger logger, CancellationToken ct, TimeSpan spacing = default)
    {
        ulong index = 0;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var started = time.GetTimestamp();
                index = await pass(index, ct).ConfigureAwait(false);
                var left = spacing - time.GetElapsedTime(started);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, time, ct).ConfigureAwait(false);
                }

                if (failures > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Watching {What} again after {Failures} failed attempts", what, failures);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = backoff.DelayAfter(failures);
                if (failures == 1)
                {
                    logger.LogWarning(e, "Watching {What} failed: {Error}; retrying with backoff (next in {Delay})", what, e.Message, delay);
                }
                else if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug(e, "Watching {What} failed again ({Failures} in a row); next try in {Delay}", what, failures, delay);
                }

                try
                {
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

using Nomad.Emulator.State;

namespace Nomad.Emulator.Http;

/// <summary>
/// Nomad's blocking query loop (<c>nomad/rpc.go</c>, <c>blockingRPC</c>): answer at once unless the
/// caller passed an index; otherwise wait until the watched data's index passes it or the wait
/// (default 5m, capped at 10m, plus up to wait/16 of jitter) runs out, then answer as a plain read.
/// </summary>
public static class BlockingQuery
{
    /// <summary>
    /// Reads with <paramref name="read"/> (which returns the value and the index of the data it
    /// covers), blocking as the query asks. The wait follows the emulator's clock.
    /// </summary>
    public static async Task<(T Value, long Index)> RunAsync<T>(
        EmulatorState state,
        QueryOptions query,
        Func<(T Value, long Index)> read,
        CancellationToken ct)
    {
        var signal = state.Index.NextWrite;
        var result = state.Read(read);
        if (!query.IsBlocking || result.Index > query.MinIndex)
        {
            return result;
        }

        var wait = query.Wait is { } w && w > TimeSpan.Zero ? w : QueryOptions.DefaultWait;
        if (wait > QueryOptions.MaxWait)
        {
            wait = QueryOptions.MaxWait;
        }

        wait += TimeSpan.FromTicks(Random.Shared.NextInt64(Math.Max(1, wait.Ticks / 16)));
        var deadline = state.Clock.GetUtcNow() + wait;
        while (true)
        {
            var remaining = deadline - state.Clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return result;
            }

            try
            {
                await signal.WaitAsync(remaining, state.Clock, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return state.Read(read);
            }

            signal = state.Index.NextWrite;
            result = state.Read(read);
            if (result.Index > query.MinIndex)
            {
                return result;
            }
        }
    }
}

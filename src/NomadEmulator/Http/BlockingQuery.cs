using Nomad.Emulator.State;

namespace Nomad.Emulator.Http;

/// <summary>
/// Nomad's blocking query loop (<c>nomad/rpc.go</c>, <c>blockingRPC</c>): answer at once unless the
/// caller passed an index; otherwise wait until the watched data's index passes it or the wait
/// (default 5m, capped at 10m, plus up to wait/16 of jitter) runs out, then answer as a plain read.
/// </summary>
/// <remarks>
/// Every write in the emulator wakes every waiting query (one signal), whereas Nomad's watch sets wake a query only
/// for the tables it read. A list given its table's index separately (<see cref="RunAsync{T}(EmulatorState, QueryOptions, Func{long}, Func{T}, CancellationToken)"/>)
/// is built only when that index passed the caller's: a write to another table costs a waiting list one index
/// compare instead of a rebuild of every item, so a large list does not make the emulator's every write cost work
/// proportional to that list (a cost real Nomad does not have).
/// </remarks>
public static class BlockingQuery
{
    /// <summary>
    /// Reads with <paramref name="read"/> (which returns the value and the index of the data it
    /// covers), blocking as the query asks. The wait follows the emulator's clock.
    /// </summary>
    public static Task<(T Value, long Index)> RunAsync<T>(
        EmulatorState state,
        QueryOptions query,
        Func<(T Value, long Index)> read,
        CancellationToken ct) =>
        RunAsync(state, query, null, read, ct);

    /// <summary>
    /// Answers with <paramref name="read"/> and the index <paramref name="index"/> gives, blocking as the query asks;
    /// while blocked, a wake-up runs only <paramref name="index"/> (cheap) and builds the answer once it passed the
    /// caller's index or the wait ran out.
    /// </summary>
    public static Task<(T Value, long Index)> RunAsync<T>(
        EmulatorState state,
        QueryOptions query,
        Func<long> index,
        Func<T> read,
        CancellationToken ct) =>
        RunAsync(state, query, index, () => (read(), index()), ct);

    // With an index function, a wake-up compares only the index; without, it reads the whole answer and compares its index.
    private static async Task<(T Value, long Index)> RunAsync<T>(
        EmulatorState state,
        QueryOptions query,
        Func<long>? index,
        Func<(T Value, long Index)> read,
        CancellationToken ct)
    {
        var signal = state.Index.NextWrite;
        if (!query.IsBlocking)
        {
            return state.Read(read);
        }

        (T Value, long Index)? result = index is null ? state.Read(read) : null;
        if ((result?.Index ?? state.Read(index!)) > query.MinIndex)
        {
            return result ?? state.Read(read);
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
                return state.Read(read);
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
            result = index is null ? state.Read(read) : null;
            if ((result?.Index ?? state.Read(index!)) > query.MinIndex)
            {
                return result ?? state.Read(read);
            }
        }
    }
}

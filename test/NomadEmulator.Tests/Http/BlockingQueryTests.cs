using Microsoft.Extensions.Time.Testing;
using Nomad.Emulator.Http;
using Nomad.Emulator.State;

namespace Nomad.Emulator.Tests.Http;

public sealed class BlockingQueryTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new();
    private readonly EmulatorState _state;
    private long _dataIndex;

    public BlockingQueryTests() => _state = new EmulatorState(new EmulatorOptions { TimeProvider = _clock });

    [Fact]
    public async Task A_query_without_an_index_answers_at_once()
    {
        _dataIndex = 5;

        var (value, index) = await BlockingQuery.RunAsync(_state, Query(minIndex: 0), Read, _ct);

        (value, index).ShouldBe(("data@5", 5L));
    }

    [Fact]
    public async Task A_query_whose_index_is_already_passed_answers_at_once()
    {
        _dataIndex = 7;

        var (_, index) = await BlockingQuery.RunAsync(_state, Query(minIndex: 6), Read, _ct);

        index.ShouldBe(7);
    }

    [Fact]
    public async Task A_blocking_query_wakes_when_its_data_changes()
    {
        _dataIndex = _state.Index.Current;
        var query = BlockingQuery.RunAsync(_state, Query(minIndex: _dataIndex), Read, _ct);
        query.IsCompleted.ShouldBeFalse();

        var written = _state.Write(index => _dataIndex = index);

        var (_, index) = await query.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        index.ShouldBe(written);
    }

    [Fact]
    public async Task A_blocking_query_keeps_waiting_through_writes_to_other_data()
    {
        _dataIndex = _state.Index.Current;
        var watched = _dataIndex;
        var query = BlockingQuery.RunAsync(_state, Query(minIndex: watched, wait: TimeSpan.FromMinutes(1)), Read, _ct);

        _state.Write(_ => 0); // another table changed; the watched data did not
        await WaitUntilAsync(() => _reads >= 2); // the query woke, re-read, and went back to waiting

        query.IsCompleted.ShouldBeFalse();
        var written = _state.Write(index => _dataIndex = index);
        var (_, index) = await query.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        index.ShouldBe(written);
    }

    [Fact]
    public async Task A_blocking_query_answers_the_unchanged_data_when_its_wait_runs_out()
    {
        _dataIndex = 9;
        var query = BlockingQuery.RunAsync(_state, Query(minIndex: 9, wait: TimeSpan.FromSeconds(16)), Read, _ct);

        _clock.Advance(TimeSpan.FromSeconds(15));
        await Task.Yield();
        query.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(2)); // 16 s plus at most 16/16 s of jitter

        var (value, index) = await query.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        (value, index).ShouldBe(("data@9", 9L));
    }

    [Fact]
    public async Task A_wait_longer_than_ten_minutes_is_capped()
    {
        _dataIndex = 2;
        var query = BlockingQuery.RunAsync(_state, Query(minIndex: 2, wait: TimeSpan.FromHours(1)), Read, _ct);

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMinutes(10) / 16 + TimeSpan.FromSeconds(1));

        await query.WaitAsync(TimeSpan.FromSeconds(10), _ct);
    }

    private int _reads;

    private (string, long) Read()
    {
        Interlocked.Increment(ref _reads);
        return ($"data@{_dataIndex}", _dataIndex);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
        }
    }

    private static QueryOptions Query(long minIndex, TimeSpan? wait = null) =>
        new("default", minIndex, wait, "", null, 0, null);
}

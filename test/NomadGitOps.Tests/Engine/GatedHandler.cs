using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NomadGitOps.Tests.Engine;

/// <summary>
/// A work queue handler that reports each start and then waits until the test opens that run's gate, while
/// counting how many runs overlap (in all, and per key).
/// </summary>
internal sealed class GatedHandler<TKey>
    where TKey : notnull
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<Run> starts = Channel.CreateUnbounded<Run>();
    private readonly ConcurrentDictionary<TKey, int> runningPerKey = new();
    private readonly ConcurrentQueue<TKey> finished = new();
    private int running;
    private int maxRunning;
    private int overlapsOfOneKey;

    /// <summary>When set, every run passes its gate at once.</summary>
    public bool OpenGates { get; init; }

    /// <summary>When set, a run's gate also gives way when its token is cancelled.</summary>
    public bool HonourToken { get; init; } = true;

    /// <summary>The keys whose run finished, in order.</summary>
    public IReadOnlyCollection<TKey> Finished => finished;

    /// <summary>The most runs seen at once.</summary>
    public int MaxRunning => Volatile.Read(ref maxRunning);

    /// <summary>How often a key started while a run of the same key was still going.</summary>
    public int OverlapsOfOneKey => Volatile.Read(ref overlapsOfOneKey);

    public async Task HandleAsync(TKey key, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref running);
        InterlockedMax(ref maxRunning, now);
        if (runningPerKey.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref overlapsOfOneKey);
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await starts.Writer.WriteAsync(new Run(key, gate, cancellationToken), CancellationToken.None);
            if (!OpenGates)
            {
                await (HonourToken ? gate.Task.WaitAsync(cancellationToken) : gate.Task);
            }
        }
        finally
        {
            runningPerKey.AddOrUpdate(key, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref running);
            finished.Enqueue(key);
        }
    }

    /// <summary>The next run that started, waiting at most a few seconds for it.</summary>
    public async Task<Run> NextStartAsync() =>
        await starts.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);

    /// <summary>True when a run started that nobody took with <see cref="NextStartAsync"/>.</summary>
    public bool HasUnseenStart => starts.Reader.TryPeek(out _);

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>One run of the handler: its key, the gate that lets it finish, and the token it was given.</summary>
    internal sealed record Run(TKey Key, TaskCompletionSource Gate, CancellationToken Token)
    {
        public void Open() => Gate.TrySetResult();
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Engine;

/// <summary>
/// A hand-written controller for engine tests: records every reconcile (also in a log shared between doubles, for
/// ordering), and answers what <see cref="Behaviour"/> says (up to date by default).
/// </summary>
internal sealed class ReconcilerDouble(ControllerName name, ObjectKind kind, ConcurrentQueue<(ControllerName, ObjectKey)>? sharedLog = null) : IReconciler
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<(ObjectKey Key, CancellationToken Token)> calls = Channel.CreateUnbounded<(ObjectKey, CancellationToken)>();
    private readonly ConcurrentDictionary<ObjectKey, int> counts = new();
    private int total;

    /// <inheritdoc/>
    public ControllerName Name { get; } = name;

    /// <inheritdoc/>
    public ObjectKind Kind { get; } = kind;

    /// <summary>What each reconcile does and answers.</summary>
    public Func<ObjectKey, CancellationToken, Task<ReconcileOutcome>> Behaviour { get; set; } =
        (key, _) => Task.FromResult<ReconcileOutcome>(new ReconcileOutcome.UpToDate($"{key} is fine"));

    /// <summary>Reconciles so far, all keys.</summary>
    public int Total => Volatile.Read(ref total);

    /// <summary>Reconciles of <paramref name="key"/> so far.</summary>
    public int CountOf(ObjectKey key) => counts.GetValueOrDefault(key);

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Interlocked.Increment(ref total);
        sharedLog?.Enqueue((Name, key));
        await calls.Writer.WriteAsync((key, ct), CancellationToken.None);
        return await Behaviour(key, ct);
    }

    /// <summary>The next reconcile that started (its key and token), waiting a few seconds at most.</summary>
    public async Task<(ObjectKey Key, CancellationToken Token)> NextCallAsync() =>
        await calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);

    /// <summary>Waits until <paramref name="key"/> is reconciled, skipping reconciles of other keys.</summary>
    public async Task<CancellationToken> NextCallOfAsync(ObjectKey key)
    {
        while (true)
        {
            var call = await NextCallAsync();
            if (call.Key == key)
            {
                return call.Token;
            }
        }
    }

    /// <summary>True when a reconcile started that no test took with <see cref="NextCallAsync"/>.</summary>
    public bool HasUnseenCall => calls.Reader.TryPeek(out _);
}

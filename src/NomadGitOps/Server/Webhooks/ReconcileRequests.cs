using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// Writes <c>reconcile_requested_at</c> on the GitRepositories a push matched, in the background (the webhook is answered
/// at once) and coalesced per repository: the first push is written at once, and any number of pushes within the
/// <see cref="CoolDown"/> after it make one more write at its end. The leader's prefix watcher sees the spec change and
/// reconciles at once, so a burst of ten pushes in a second costs one or two ls-remotes, and a fetch only when the
/// commit moved.
/// </summary>
internal sealed class ReconcileRequests : IAsyncDisposable
{
    /// <summary>How long after a write further requests for the same object wait to be written together.</summary>
    public static readonly TimeSpan CoolDown = TimeSpan.FromSeconds(1);

    private readonly KeyedCoalescer<ObjectKey> writer;

    /// <summary>Creates the requester.</summary>
    public ReconcileRequests(ObjectCommands commands, TimeProvider time, ILogger<ReconcileRequests> logger)
    {
        writer = new KeyedCoalescer<ObjectKey>(
            async (key, ct) =>
            {
                var result = await commands.RequestReconcileAsync(key, ct).ConfigureAwait(false);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Reconcile of {Object} requested by a webhook: {Outcome}", key, result.Outcome);
                }
            },
            (key, e) => logger.LogWarning(e, "Could not request a reconcile of {Object} for a webhook: {Error}", key, e.Message),
            CoolDown,
            time);
    }

    /// <summary>How many writes were started, for tests and figures.</summary>
    public int Writes => writer.Runs;

    /// <summary>Asks for a reconcile of <paramref name="key"/>; returns at once.</summary>
    public void Request(ObjectKey key) => writer.Request(key);

    /// <summary>Completes when every request is written (tests, shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken ct) => writer.WhenIdleAsync(ct);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => writer.DisposeAsync();
}

using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.Alert;

/// <summary>The status the alert controller owns: readiness and what its deliveries did.</summary>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>.</param>
/// <param name="Message"><c>status_message</c> (never the URL).</param>
/// <param name="ObservedSpec"><c>status_observed_spec</c>.</param>
/// <param name="LastSentAt"><c>status_last_sent_at</c>: RFC 3339 UTC of the last delivery that succeeded.</param>
/// <param name="LastError"><c>status_last_error</c>: the last delivery's failure; absent once one succeeds.</param>
internal sealed record AlertStatus(ReadyState Ready, string Reason, string Message, string ObservedSpec, string? LastSentAt, string? LastError)
{
    /// <summary>Every status item the alert controller writes.</summary>
    public static IReadOnlySet<string> OwnedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusReady, ItemKeys.StatusReason, ItemKeys.StatusMessage, ItemKeys.StatusObservedSpec,
        ItemKeys.StatusLastSentAt, ItemKeys.StatusLastError,
    };

    /// <summary>The status after <paramref name="run"/> ended in <paramref name="outcome"/> (pure: the Alert controller's one summary).</summary>
    public static AlertStatus For(AlertRun run, ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        return new AlertStatus(outcome.Ready, outcome.Reason, outcome.Message, SpecHash.Of(run.Stored.Items), run.LastSentAt, run.LastError);
    }

    /// <summary>The patch that writes this status, removing the delivery items that are absent.</summary>
    public StatusPatch ToPatch()
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemKeys.StatusReady] = Ready.ToString(),
            [ItemKeys.StatusReason] = Reason,
            [ItemKeys.StatusMessage] = Message,
            [ItemKeys.StatusObservedSpec] = ObservedSpec,
        };
        if (LastSentAt is not null)
        {
            items[ItemKeys.StatusLastSentAt] = LastSentAt;
        }

        if (LastError is not null)
        {
            items[ItemKeys.StatusLastError] = LastError;
        }

        return new StatusPatch(items, OwnedKeys, new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusMessage, ItemKeys.StatusLastError });
    }
}

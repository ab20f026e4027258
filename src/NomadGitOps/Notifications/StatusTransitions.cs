using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>
/// Decides which events one new version of a GitRepository or NomadJob means, from the version before. Pure: no I/O,
/// no clock. The first version seen of an object is the baseline and means nothing (so a restart does not report again an
/// object that was failing already); after that:
/// <list type="bullet">
/// <item><c>failed</c> when <c>status_ready</c> becomes <c>False</c> while the object was not failing; <c>recovered</c> when it
/// becomes <c>True</c> while it was. <c>Unknown</c> (waiting, progressing) changes neither, so a failing object that retries,
/// waits and fails again over many intervals reports once, and once more when it recovers.</item>
/// <item><c>applied</c> / <c>drift-corrected</c> when a NomadJob's <c>status_last_applied_at</c> moved (a register), by its reason.</item>
/// <item><c>pruned</c> when a NomadJob's reason becomes <c>Pruned</c> (orphaned with prune on), or when a NomadJob whose
/// <c>prune</c> is <c>true</c> and that had been applied is deleted (the index deletes it when its file leaves Git; the NomadJob
/// controller then stops the job it owns).</item>
/// </list>
/// </summary>
internal static class StatusTransitions
{
    /// <summary>The new tracked state of the object (null: forget it) and the events of <paramref name="change"/>.</summary>
    public static (TrackedObject? Next, IReadOnlyList<AlertEvent> Events) Apply(TrackedObject? previous, ObjectCacheChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Key.Kind is not (ObjectKind.GitRepository or ObjectKind.NomadJob))
        {
            return (null, []);
        }

        if (change.Current is not { } current)
        {
            return (null, previous is null ? [] : Deleted(previous.Object, now));
        }

        if (previous is null)
        {
            return (new TrackedObject(current, ReadyOf(current) == ReadyState.False), []);
        }

        var ready = ReadyOf(current);
        var failing = ready switch
        {
            ReadyState.False => true,
            ReadyState.True => false,
            _ => previous.Failing,
        };
        var events = new List<AlertEvent>();
        if (failing && !previous.Failing)
        {
            events.Add(Event(AlertEventKind.Failed, current, now));
        }
        else if (!failing && previous.Failing)
        {
            events.Add(Event(AlertEventKind.Recovered, current, now));
        }

        if (current.Key.Kind == ObjectKind.NomadJob)
        {
            var appliedAt = current.Items.GetValueOrDefault(ItemKeys.StatusLastAppliedAt);
            if (appliedAt is { Length: > 0 } && appliedAt != previous.Object.Items.GetValueOrDefault(ItemKeys.StatusLastAppliedAt))
            {
                var drift = current.Items.GetValueOrDefault(ItemKeys.StatusReason) == Reasons.DriftCorrected;
                events.Add(Event(drift ? AlertEventKind.DriftCorrected : AlertEventKind.Applied, current, now));
            }

            if (current.Items.GetValueOrDefault(ItemKeys.StatusReason) == Reasons.Pruned
                && previous.Object.Items.GetValueOrDefault(ItemKeys.StatusReason) != Reasons.Pruned)
            {
                events.Add(Event(AlertEventKind.Pruned, current, now));
            }
        }

        return (new TrackedObject(current, failing), events);
    }

    private static List<AlertEvent> Deleted(StoredObject last, DateTimeOffset now)
    {
        var items = last.Items;
        if (last.Key.Kind != ObjectKind.NomadJob
            || items.GetValueOrDefault(ItemKeys.Prune) != "true"
            || items.GetValueOrDefault(ItemKeys.StatusReason) == Reasons.Pruned
            || string.IsNullOrEmpty(items.GetValueOrDefault(ItemKeys.StatusJobModifyIndex)))
        {
            return [];
        }

        var message = $"NomadJob {last.Key.Namespace}/{last.Key.Name} was deleted with prune on (its file left Git): "
            + $"job \"{last.Key.Name}\" is stopped in namespace \"{last.Key.Namespace}\" when its meta names this controller and object.";
        return [new AlertEvent(AlertEventKind.Pruned, last.Key, items.GetValueOrDefault(ItemKeys.Repository), Reasons.Pruned, message,
            items.GetValueOrDefault(ItemKeys.StatusLastAppliedCommit), now)];
    }

    private static AlertEvent Event(AlertEventKind kind, StoredObject current, DateTimeOffset now)
    {
        var items = current.Items;
        var isJob = current.Key.Kind == ObjectKind.NomadJob;
        var commit = isJob
            ? kind == AlertEventKind.Failed
                ? items.GetValueOrDefault(ItemKeys.StatusLastAttemptedCommit) ?? items.GetValueOrDefault(ItemKeys.StatusLastAppliedCommit)
                : items.GetValueOrDefault(ItemKeys.StatusLastAppliedCommit) ?? items.GetValueOrDefault(ItemKeys.StatusLastAttemptedCommit)
            : items.GetValueOrDefault(ItemKeys.StatusCurrentCommit);
        return new AlertEvent(
            kind,
            current.Key,
            isJob ? items.GetValueOrDefault(ItemKeys.Repository) : current.Key.Name,
            items.GetValueOrDefault(ItemKeys.StatusReason) ?? "",
            items.GetValueOrDefault(ItemKeys.StatusMessage) ?? "",
            string.IsNullOrEmpty(commit) ? null : commit,
            now);
    }

    private static ReadyState ReadyOf(StoredObject stored) => ItemCodec.ReadReady(stored.Items);
}

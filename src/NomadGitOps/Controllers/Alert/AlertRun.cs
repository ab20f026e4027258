using NomadGitOps.Notifications;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.Alert;

/// <summary>What one reconcile of an Alert found so far: the object, its deliveries, its spec once valid, its target once resolved.</summary>
/// <param name="stored">The Alert as read.</param>
/// <param name="lastSentAt"><c>status_last_sent_at</c> to publish.</param>
/// <param name="lastError"><c>status_last_error</c> to publish.</param>
internal sealed class AlertRun(StoredObject stored, string? lastSentAt, string? lastError)
{
    /// <summary>The Alert as read.</summary>
    public StoredObject Stored { get; } = stored;

    /// <summary><c>status_last_sent_at</c> to publish: this process' last delivery, else the stored one.</summary>
    public string? LastSentAt { get; } = lastSentAt;

    /// <summary><c>status_last_error</c> to publish: this process' last delivery's failure, else the stored one.</summary>
    public string? LastError { get; } = lastError;

    /// <summary>The Alert's key.</summary>
    public ObjectKey Key => Stored.Key;

    /// <summary>The spec; set by the guards when it is valid.</summary>
    public AlertSpec? Spec { get; set; }

    /// <summary>Where it delivers; set by the step that resolves it.</summary>
    public AlertTarget? Target { get; set; }

    /// <summary>
    /// The run of <paramref name="stored"/> given what this process recorded of its deliveries (<paramref name="record"/>, null
    /// when none): a delivery of this process wins, else the stored status carries over (a restart keeps it).
    /// </summary>
    public static AlertRun Of(StoredObject stored, AlertDeliveryRecord? record)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var lastSentAt = record?.LastSentAt is { } sent ? AlertPayload.Time(sent) : stored.Items.GetValueOrDefault(ItemKeys.StatusLastSentAt);
        var lastError = record is not null ? record.LastError : stored.Items.GetValueOrDefault(ItemKeys.StatusLastError);
        return new AlertRun(stored, lastSentAt, lastError);
    }
}

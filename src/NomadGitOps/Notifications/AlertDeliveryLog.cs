using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>
/// What each Alert's deliveries did in this process: when it last delivered and its last error (cleared by a success).
/// The dispatcher records; the Alert controller publishes it as <c>status_last_sent_at</c> and <c>status_last_error</c>.
/// </summary>
internal sealed class AlertDeliveryLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<ObjectKey, AlertDeliveryRecord> byAlert = [];

    /// <summary>What is known of <paramref name="alert"/>'s deliveries; null when it delivered nothing in this process.</summary>
    public AlertDeliveryRecord? Find(ObjectKey alert)
    {
        lock (gate)
        {
            return byAlert.GetValueOrDefault(alert);
        }
    }

    /// <summary>A delivery of <paramref name="alert"/> succeeded at <paramref name="at"/>.</summary>
    public void Delivered(ObjectKey alert, DateTimeOffset at)
    {
        lock (gate)
        {
            byAlert[alert] = new AlertDeliveryRecord(at, null, (byAlert.GetValueOrDefault(alert)?.Sent ?? 0) + 1, byAlert.GetValueOrDefault(alert)?.Failed ?? 0);
        }
    }

    /// <summary>A delivery of <paramref name="alert"/> failed for good with <paramref name="error"/>.</summary>
    public void Failed(ObjectKey alert, string error)
    {
        lock (gate)
        {
            var known = byAlert.GetValueOrDefault(alert);
            byAlert[alert] = new AlertDeliveryRecord(known?.LastSentAt, error, known?.Sent ?? 0, (known?.Failed ?? 0) + 1);
        }
    }
}

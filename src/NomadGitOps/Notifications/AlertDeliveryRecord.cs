namespace NomadGitOps.Notifications;

/// <summary>One Alert's deliveries in this process.</summary>
/// <param name="LastSentAt">When it last delivered; null when none succeeded yet in this process.</param>
/// <param name="LastError">The last failure; null when the last delivery succeeded.</param>
/// <param name="Sent">Deliveries that succeeded.</param>
/// <param name="Failed">Deliveries that failed after their retries.</param>
internal sealed record AlertDeliveryRecord(DateTimeOffset? LastSentAt, string? LastError, int Sent, int Failed);

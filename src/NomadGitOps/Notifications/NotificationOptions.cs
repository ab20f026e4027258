namespace NomadGitOps.Notifications;

/// <summary>How notifications are queued and delivered.</summary>
internal sealed record NotificationOptions
{
    /// <summary>Events waiting for delivery at most; on overflow the oldest is dropped and counted (default 1,000).</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>Attempts per delivery, the first included (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Bounds of the delay between attempts (exponential with jitter; default 1 s to 30 s).</summary>
    public TimeSpan RetryMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one HTTP attempt (default 10 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

namespace Nomad.Client;

/// <summary>Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base × 2^(retry−1))).</summary>
internal static class RetryBackoff
{
    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), given a uniform sample in [0, 1).</summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double sample)
    {
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling * sample));
    }
}

namespace NomadGitOps.Scheduling;

/// <summary>
/// Exponential backoff with full jitter: after <c>n</c> failures in a row the delay is drawn uniformly from
/// [<c>Min</c>, <c>min(Max, Min·2ⁿ)</c>], so retries of many objects spread out instead of arriving together. The
/// count of failures is the object's <c>status_consecutive_failures</c>, which a success resets to 0 (and 0 failures
/// means no delay), so backoff survives restarts. A seeded <see cref="Random"/> makes it deterministic in tests.
/// </summary>
internal sealed class Backoff
{
    private readonly BackoffOptions options;
    private readonly Random random;
    private readonly Lock gate = new();

    /// <summary>A backoff within <paramref name="options"/>, drawing from <paramref name="random"/>.</summary>
    public Backoff(BackoffOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.Min <= TimeSpan.Zero || options.Max < options.Min)
        {
            throw new ArgumentException($"Backoff needs 0 < Min <= Max; got Min={options.Min}, Max={options.Max}.", nameof(options));
        }

        this.options = options;
        this.random = random;
    }

    /// <summary>The delay before the next attempt after <paramref name="consecutiveFailures"/> failures in a row.</summary>
    public TimeSpan DelayAfter(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        var ceiling = Ceiling(consecutiveFailures);
        double sample;
        lock (gate)
        {
            sample = random.NextDouble();
        }

        var span = ceiling.Ticks - options.Min.Ticks;
        return TimeSpan.FromTicks(options.Min.Ticks + (long)(sample * span));
    }

    /// <summary>The largest delay possible after <paramref name="consecutiveFailures"/> failures.</summary>
    public TimeSpan Ceiling(int consecutiveFailures)
    {
        // 2^62 ticks overflows nothing; beyond that the cap has long been reached.
        var exponent = Math.Clamp(consecutiveFailures, 0, 62);
        var ceilingTicks = options.Min.Ticks * Math.Pow(2, exponent);
        return ceilingTicks >= options.Max.Ticks ? options.Max : TimeSpan.FromTicks((long)ceilingTicks);
    }
}

namespace NomadGitOps.Engine;

/// <summary>
/// Spreads per-object intervals: each wait is the object's interval ± a fraction (10% by default), so objects
/// created together do not all poll their git servers and Nomad in the same second forever after.
/// </summary>
internal sealed class IntervalJitter
{
    /// <summary>The default spread: ±10%.</summary>
    public const double DefaultFraction = 0.1;

    private readonly double fraction;
    private readonly Random random;
    private readonly Lock gate = new();

    /// <summary>A jitter of ±<paramref name="fraction"/> (0 to 1) drawing from <paramref name="random"/>.</summary>
    public IntervalJitter(double fraction, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        ArgumentNullException.ThrowIfNull(random);
        this.fraction = fraction;
        this.random = random;
    }

    /// <summary>A wait drawn uniformly from [interval·(1−fraction), interval·(1+fraction)].</summary>
    public TimeSpan Next(TimeSpan interval)
    {
        double sample;
        lock (gate)
        {
            sample = random.NextDouble();
        }

        var factor = 1 - fraction + (2 * fraction * sample);
        return TimeSpan.FromTicks((long)(interval.Ticks * factor));
    }
}

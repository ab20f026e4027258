namespace NomadGitOps.Scheduling;

/// <summary>Bounds of a <see cref="Backoff"/>.</summary>
/// <param name="Min">The shortest delay after a failure.</param>
/// <param name="Max">The longest delay, however many failures.</param>
internal sealed record BackoffOptions(TimeSpan Min, TimeSpan Max)
{
    /// <summary>5 seconds to 5 minutes.</summary>
    public static BackoffOptions Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
}

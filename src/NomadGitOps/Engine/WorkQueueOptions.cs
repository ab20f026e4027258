namespace NomadGitOps.Engine;

/// <summary>Settings of a <see cref="WorkQueue{TKey}"/>.</summary>
internal sealed record WorkQueueOptions
{
    /// <summary>How many keys are processed at once (<c>NOMAD_GITOPS_CONCURRENCY</c>).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>How long keys being processed may finish after shutdown began before their token is cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When a handler throws, the key is tried again after this delay, so no object is forgotten.</summary>
    public TimeSpan RetryAfterError { get; init; } = TimeSpan.FromSeconds(30);
}

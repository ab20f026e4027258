namespace Nomad.Client;

/// <summary>A variable lock as Nomad sends it (<c>api.VariableLock</c>): Go duration strings and the holder's ID.</summary>
public sealed record VariableLock
{
    /// <summary>The holder's lock ID, set by Nomad on acquire; needed to renew and release.</summary>
    public string? ID { get; init; }

    /// <summary>Time to live, e.g. <c>"15s"</c> (10s to 24h); the lock expires after 2 × TTL without a renew.</summary>
    public string? TTL { get; init; }

    /// <summary>Grace period after expiry before another holder may acquire, e.g. <c>"15s"</c>.</summary>
    public string? LockDelay { get; init; }
}

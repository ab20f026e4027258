namespace Nomad.Client;

/// <summary>What a plan would do to one task group (<c>api.DesiredUpdates</c>).</summary>
public sealed record DesiredUpdates
{
    /// <summary>Allocations ignored (unchanged).</summary>
    public ulong Ignore { get; init; }

    /// <summary>Allocations placed.</summary>
    public ulong Place { get; init; }

    /// <summary>Allocations migrated.</summary>
    public ulong Migrate { get; init; }

    /// <summary>Allocations stopped.</summary>
    public ulong Stop { get; init; }

    /// <summary>Allocations updated in place.</summary>
    public ulong InPlaceUpdate { get; init; }

    /// <summary>Allocations replaced.</summary>
    public ulong DestructiveUpdate { get; init; }

    /// <summary>Canaries placed.</summary>
    public ulong Canary { get; init; }

    /// <summary>Allocations preempted.</summary>
    public ulong Preemptions { get; init; }
}

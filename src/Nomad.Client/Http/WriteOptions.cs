namespace Nomad.Client;

/// <summary>Per-call options of a write: namespace and region overriding the client's.</summary>
public sealed record WriteOptions
{
    /// <summary>Namespace; overrides the object's and the client's.</summary>
    public string? Namespace { get; init; }

    /// <summary>Region; overrides the client's.</summary>
    public string? Region { get; init; }
}

namespace Nomad.Client;

/// <summary>A variable without its items, as <c>GET /v1/vars</c> lists it (<c>api.VariableMetadata</c>).</summary>
public sealed record VariableMetadata
{
    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Path.</summary>
    public string Path { get; init; } = "";

    /// <summary>Raft index of creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last write.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>Creation time, Unix nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Last write time, Unix nanoseconds.</summary>
    public long ModifyTime { get; init; }

    /// <summary>The lock on this variable, if any.</summary>
    public VariableLock? Lock { get; init; }
}

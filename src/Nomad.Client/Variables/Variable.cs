namespace Nomad.Client;

/// <summary>
/// A Nomad variable (<c>api.Variable</c>): items are a string map; times are Unix nanoseconds;
/// <see cref="Lock"/> shows only to management tokens.
/// </summary>
public sealed record Variable
{
    /// <summary>Namespace; empty means the client's or <c>default</c>.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Path, e.g. <c>nomad/jobs/web</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Raft index of creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last write; pass it as <c>cas</c> to update only this version.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>Creation time, Unix nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Last write time, Unix nanoseconds.</summary>
    public long ModifyTime { get; init; }

    /// <summary>The items; must not be empty on a write.</summary>
    public IReadOnlyDictionary<string, string>? Items { get; init; }

    /// <summary>The lock on this variable, if any.</summary>
    public VariableLock? Lock { get; init; }
}

namespace Nomad.Emulator.Faults;

/// <summary>What a matching request gets instead of (or before) its normal answer.</summary>
public enum FaultKind
{
    /// <summary>Answer <see cref="FaultRule.Status"/> with <see cref="FaultRule.Body"/> as plain text.</summary>
    Respond,

    /// <summary>Wait <see cref="FaultRule.Latency"/>, then answer normally.</summary>
    Delay,

    /// <summary>Close the connection without an answer; the request is not carried out.</summary>
    Drop,

    /// <summary>Answer <c>500 No cluster leader</c>, as Nomad does during an election.</summary>
    NoLeader,

    /// <summary>
    /// Carry the request out, then close the connection before its answer is sent: a write is applied, the client only
    /// sees the connection drop (a server or load balancer failing between commit and reply).
    /// </summary>
    DropAfterApply,

    /// <summary>
    /// Carry the request out, then hold its answer for <see cref="FaultRule.Latency"/>: a write is applied (blocking
    /// queries see it at once) while its writer still waits for the answer, as when Raft commits and the reply is slow.
    /// </summary>
    DelayAfterApply,
}

/// <summary>
/// One injected fault: which requests it matches (method, path prefix), what it does, and for how long
/// (the next <see cref="Times"/> matching requests, or for <see cref="Duration"/> after it was added;
/// neither means until removed).
/// </summary>
public sealed record FaultRule
{
    /// <summary>HTTP method to match; null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>Path prefix to match, e.g. <c>/v1/var/</c>; <c>/</c> matches everything.</summary>
    public string PathPrefix { get; init; } = "/";

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; } = FaultKind.Respond;

    /// <summary>Status code for <see cref="FaultKind.Respond"/>.</summary>
    public int Status { get; init; } = 500;

    /// <summary>Body for <see cref="FaultKind.Respond"/>.</summary>
    public string Body { get; init; } = "injected fault";

    /// <summary>Delay for <see cref="FaultKind.Delay"/> and <see cref="FaultKind.DelayAfterApply"/>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>How many matching requests it applies to; null for no limit.</summary>
    public int? Times { get; init; }

    /// <summary>How long after being added it applies; null for no limit.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>True when the request's method and path fall under this rule.</summary>
    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(PathPrefix, StringComparison.Ordinal);
}

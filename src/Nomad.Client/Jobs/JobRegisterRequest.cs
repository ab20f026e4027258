using System.Text.Json.Nodes;

namespace Nomad.Client;

/// <summary>
/// Body of <c>POST /v1/jobs</c>: the job JSON (kept whole, so fields this client does not model survive), the
/// enforce-index guard, and the optional submission source.
/// </summary>
public sealed record JobRegisterRequest(JsonObject Job)
{
    /// <summary>Register only if the job's JobModifyIndex equals <see cref="JobModifyIndex"/> (0: only if new).</summary>
    public bool EnforceIndex { get; init; }

    /// <summary>The index checked with <see cref="EnforceIndex"/>; take it from a plan's answer.</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>Keep the running groups' counts.</summary>
    public bool PreserveCounts { get; init; }

    /// <summary>Override soft-mandatory Sentinel policies.</summary>
    public bool PolicyOverride { get; init; }

    /// <summary>The source to store with this version, shown by <c>nomad job inspect</c>/UI.</summary>
    public JobSubmission? Submission { get; init; }
}

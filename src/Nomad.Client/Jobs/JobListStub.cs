namespace Nomad.Client;

/// <summary>A job as <c>GET /v1/jobs</c> lists it (<c>api.JobListStub</c>); <see cref="Meta"/> only with <c>meta=true</c>.</summary>
public sealed record JobListStub
{
    /// <summary>Job ID.</summary>
    public string ID { get; init; } = "";

    /// <summary>Job name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = "";

    /// <summary><c>service</c>, <c>batch</c>, <c>system</c> or <c>sysbatch</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>True once the job was stopped (deregistered without purge).</summary>
    public bool Stop { get; init; }

    /// <summary>Index of the last spec change.</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>Index of the last change of any kind.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>Index of creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Submit time, Unix nanoseconds.</summary>
    public long SubmitTime { get; init; }

    /// <summary>Job-level meta (only with <c>meta=true</c>; omitted by Nomad when empty).</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; }
}

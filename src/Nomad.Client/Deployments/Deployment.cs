namespace Nomad.Client;

/// <summary>A deployment (<c>api.Deployment</c>): which job version it rolls out, its status and per-group progress.</summary>
public sealed record Deployment
{
    /// <summary>Deployment ID.</summary>
    public string ID { get; init; } = "";

    /// <summary>Namespace.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Job ID.</summary>
    public string JobID { get; init; } = "";

    /// <summary>Job version being deployed.</summary>
    public ulong JobVersion { get; init; }

    /// <summary>The job's <c>ModifyIndex</c> when the deployment was made (Nomad's <c>NewDeployment</c>).</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>The job's <c>JobModifyIndex</c> when the deployment was made: which register it rolls out.</summary>
    public ulong JobSpecModifyIndex { get; init; }

    /// <summary><c>running</c>, <c>pending</c>, <c>paused</c>, <c>blocked</c>, <c>successful</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>Human-readable status.</summary>
    public string StatusDescription { get; init; } = "";

    /// <summary>Progress by task group.</summary>
    public IReadOnlyDictionary<string, DeploymentState>? TaskGroups { get; init; }

    /// <summary>Index of creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last change.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>True when the status is final (successful, failed, cancelled).</summary>
    public bool IsTerminal => Status is DeploymentStatus.Successful or DeploymentStatus.Failed or DeploymentStatus.Cancelled;
}

namespace Nomad.Emulator.State;

/// <summary>
/// A deployment of one job version (<c>nomad/structs/deployment.go</c>, <c>Deployment</c>). The emulator moves it
/// from <c>running</c> to <c>successful</c> (or <c>failed</c>) after <see cref="EmulatorOptions.DeploymentDuration"/>.
/// </summary>
public sealed record Deployment(
    string ID,
    string Namespace,
    string JobID,
    long JobVersion,
    long JobModifyIndex,
    long JobSpecModifyIndex,
    long JobCreateIndex,
    bool IsMultiregion,
    IReadOnlyDictionary<string, DeploymentState> TaskGroups,
    string Status,
    string StatusDescription,
    int EvalPriority,
    long CreateIndex,
    long ModifyIndex,
    long CreateTime,
    long ModifyTime)
{
    /// <summary>True while the deployment can still change (<c>Deployment.Active</c>).</summary>
    public bool IsActive => Status is DeploymentStatus.Running or DeploymentStatus.Paused or DeploymentStatus.Pending
        or DeploymentStatus.Blocked or DeploymentStatus.Initializing or DeploymentStatus.Unblocking;
}

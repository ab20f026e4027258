namespace Nomad.Emulator.State;

/// <summary>One task group's progress in a deployment (<c>nomad/structs/deployment.go</c>, <c>DeploymentState</c>).</summary>
public sealed record DeploymentState(
    bool AutoRevert,
    bool AutoPromote,
    long ProgressDeadline,
    string RequireProgressBy,
    bool Promoted,
    IReadOnlyList<string>? PlacedCanaries,
    int DesiredCanaries,
    int DesiredTotal,
    int PlacedAllocs,
    int HealthyAllocs,
    int UnhealthyAllocs);

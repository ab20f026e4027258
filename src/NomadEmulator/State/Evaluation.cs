namespace Nomad.Emulator.State;

/// <summary>
/// An evaluation as <c>GET /v1/evaluation/:id</c> returns it (<c>nomad/structs/structs.go</c>, <c>Evaluation</c>,
/// the fields a client reads). The emulator schedules at once, so evaluations are stored <c>complete</c>.
/// </summary>
public sealed record Evaluation(
    string ID,
    string Namespace,
    int Priority,
    string Type,
    string TriggeredBy,
    string JobID,
    long JobModifyIndex,
    string DeploymentID,
    string Status,
    string StatusDescription,
    long CreateIndex,
    long ModifyIndex,
    long CreateTime,
    long ModifyTime);

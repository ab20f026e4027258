namespace Nomad.Emulator.State;

/// <summary>A job version that finishes later: its deployment (service) or its run (batch).</summary>
public sealed record SettleTarget(string Namespace, string JobID, long Version, string? DeploymentID);

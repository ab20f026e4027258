namespace Nomad.Emulator.State;

/// <summary>Jobs by namespace and ID, with every version, evaluations and deployments.</summary>
public sealed class JobsTable;

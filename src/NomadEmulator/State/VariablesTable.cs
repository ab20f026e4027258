namespace Nomad.Emulator.State;

/// <summary>Variables by namespace and path, with their locks.</summary>
public sealed class VariablesTable;

namespace Nomad.Emulator.Filter;

/// <summary>A node of a parsed filter expression.</summary>
public abstract record FilterNode;

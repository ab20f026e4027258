namespace Nomad.Emulator.Filter;

/// <summary><c>not operand</c>.</summary>
public sealed record NotNode(FilterNode Operand) : FilterNode;

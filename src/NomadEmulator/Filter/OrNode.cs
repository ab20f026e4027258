namespace Nomad.Emulator.Filter;

/// <summary><c>left or right</c>.</summary>
public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

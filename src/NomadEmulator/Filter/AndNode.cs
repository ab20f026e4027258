namespace Nomad.Emulator.Filter;

/// <summary><c>left and right</c>.</summary>
public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

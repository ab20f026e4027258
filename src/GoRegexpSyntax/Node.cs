namespace GoRegexpSyntax;

/// <summary>
/// A node of the tree the .NET translation writes: Go's finished parse tree (<see cref="Regexp"/>, simplifications
/// included) read back as immutable records, literal strings split into runes.
/// </summary>
internal abstract record Node;

/// <summary>One rune; <paramref name="Fold"/> under <c>(?i)</c>.</summary>
internal sealed record LiteralNode(int Rune, bool Fold) : Node;

/// <summary>A set of runes (case folding and negation already applied, as Go does while parsing).</summary>
internal sealed record ClassNode(RuneSet Runes) : Node;

/// <summary><c>.</c>: any rune, or any but a newline.</summary>
internal sealed record AnyCharNode(bool MatchesNewline) : Node;

/// <summary>An empty-width assertion.</summary>
internal sealed record AssertionNode(Assertion Kind) : Node;

/// <summary>The empty string.</summary>
internal sealed record EmptyNode : Node;

/// <summary>
/// <c>*</c>, <c>+</c>, <c>?</c> or, <paramref name="Counted"/>, <c>{min,max}</c> (<paramref name="Max"/> -1: no upper bound).
/// </summary>
internal sealed record RepeatNode(Node Sub, int Min, int Max, bool Lazy, bool Counted) : Node;

/// <summary>A capturing group, numbered from 1 in the order of its opening parenthesis.</summary>
internal sealed record CaptureNode(Node Sub, int Index, string? Name) : Node;

/// <summary>A sequence.</summary>
internal sealed record ConcatNode(IReadOnlyList<Node> Subs) : Node;

/// <summary>An alternation, tried left to right.</summary>
internal sealed record AlternateNode(IReadOnlyList<Node> Subs) : Node;

namespace GoRegexpSyntax;

/// <summary>
/// A node of the parse tree, as Go's <c>syntax.Regexp</c> but without Go's simplifications (literal strings,
/// factored alternations): enough to know the pattern is valid and to write it for .NET.
/// </summary>
internal abstract record Node
{
    /// <summary>The height of the tree under this node, for Go's nesting limit of 1000.</summary>
    public abstract int Height { get; }
}

/// <summary>One rune; <paramref name="Fold"/> under <c>(?i)</c>.</summary>
internal sealed record LiteralNode(int Rune, bool Fold) : Node
{
    public override int Height => 1;
}

/// <summary>A set of runes (case folding and negation already applied, as Go does while parsing).</summary>
internal sealed record ClassNode(RuneSet Runes) : Node
{
    public override int Height => 1;
}

/// <summary><c>.</c>: any rune, or any but a newline.</summary>
internal sealed record AnyCharNode(bool MatchesNewline) : Node
{
    public override int Height => 1;
}

/// <summary>An empty-width assertion.</summary>
internal sealed record AssertionNode(Assertion Kind) : Node
{
    public override int Height => 1;
}

/// <summary>The empty string.</summary>
internal sealed record EmptyNode : Node
{
    public override int Height => 1;
}

/// <summary>
/// <c>*</c>, <c>+</c>, <c>?</c> or, <paramref name="Counted"/>, <c>{min,max}</c> (<paramref name="Max"/> -1: no upper bound).
/// </summary>
internal sealed record RepeatNode(Node Sub, int Min, int Max, bool Lazy, bool Counted) : Node
{
    public override int Height { get; } = 1 + Sub.Height;
}

/// <summary>A capturing group, numbered from 1 in the order of its opening parenthesis.</summary>
internal sealed record CaptureNode(Node Sub, int Index, string? Name) : Node
{
    public override int Height { get; } = 1 + Sub.Height;
}

/// <summary>A sequence.</summary>
internal sealed record ConcatNode(IReadOnlyList<Node> Subs) : Node
{
    // Go joins adjacent literals into one string node, so a run of literals alone is one level.
    public override int Height { get; } = Subs.All(s => s is LiteralNode) ? 1 : 1 + Subs.Max(s => s.Height);
}

/// <summary>An alternation, tried left to right.</summary>
internal sealed record AlternateNode(IReadOnlyList<Node> Subs) : Node
{
    public override int Height { get; } = 1 + Subs.Max(s => s.Height);
}

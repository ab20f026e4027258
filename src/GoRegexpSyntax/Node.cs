namespace GoRegexpSyntax;

/// <summary>
/// A node of the parse tree, as Go's <c>syntax.Regexp</c> but without Go's simplifications (literal strings,
/// factored alternations): enough to know the pattern is valid and to write it for .NET.
/// </summary>
internal abstract record Node
{
    /// <summary>The height of the tree under this node, for Go's nesting limit of 1000.</summary>
    public abstract int Height { get; }

    /// <summary>
    /// The number of instructions Go's compiler needs for this node, as parse.go's <c>calcSize</c> counts them for
    /// the limit of Go 1.20+ (<c>expression too large</c>); at least 1, saturating far above the limit.
    /// </summary>
    public abstract long Size { get; }

    /// <summary>A size kept far above the limit but clear of overflow.</summary>
    protected static long Saturate(long size) => Math.Clamp(size, 1, 1L << 40);
}

/// <summary>One rune; <paramref name="Fold"/> under <c>(?i)</c>.</summary>
internal sealed record LiteralNode(int Rune, bool Fold) : Node
{
    public override int Height => 1;

    public override long Size => 1;
}

/// <summary>A set of runes (case folding and negation already applied, as Go does while parsing).</summary>
internal sealed record ClassNode(RuneSet Runes) : Node
{
    public override int Height => 1;

    public override long Size => 1;
}

/// <summary><c>.</c>: any rune, or any but a newline.</summary>
internal sealed record AnyCharNode(bool MatchesNewline) : Node
{
    public override int Height => 1;

    public override long Size => 1;
}

/// <summary>An empty-width assertion.</summary>
internal sealed record AssertionNode(Assertion Kind) : Node
{
    public override int Height => 1;

    public override long Size => 1;
}

/// <summary>The empty string.</summary>
internal sealed record EmptyNode : Node
{
    public override int Height => 1;

    public override long Size => 1;
}

/// <summary>
/// <c>*</c>, <c>+</c>, <c>?</c> or, <paramref name="Counted"/>, <c>{min,max}</c> (<paramref name="Max"/> -1: no upper bound).
/// </summary>
internal sealed record RepeatNode(Node Sub, int Min, int Max, bool Lazy, bool Counted) : Node
{
    public override int Height { get; } = 1 + Sub.Height;

    // A star can compile to two instructions around its operand, a plus or quest to one; x{2,5} is xx(x(x(x)?)?)?.
    public override long Size { get; } = Saturate(
        (Counted, Max) switch
        {
            (false, _) when Min == 0 && Max == -1 => 2 + Sub.Size,
            (false, _) => 1 + Sub.Size,
            (true, -1) when Min == 0 => 2 + Sub.Size,
            (true, -1) => 1 + (Min * Sub.Size),
            _ => (Max * Sub.Size) + (Max - Min),
        });
}

/// <summary>A capturing group, numbered from 1 in the order of its opening parenthesis.</summary>
internal sealed record CaptureNode(Node Sub, int Index, string? Name) : Node
{
    public override int Height { get; } = 1 + Sub.Height;

    public override long Size { get; } = Saturate(2 + Sub.Size);
}

/// <summary>A sequence.</summary>
internal sealed record ConcatNode(IReadOnlyList<Node> Subs) : Node
{
    // Go joins adjacent literals into one string node, so a run of literals alone is one level.
    public override int Height { get; } = Subs.All(s => s is LiteralNode) ? 1 : 1 + Subs.Max(s => s.Height);

    public override long Size { get; } = Saturate(Subs.Sum(s => s.Size));
}

/// <summary>An alternation, tried left to right.</summary>
internal sealed record AlternateNode(IReadOnlyList<Node> Subs) : Node
{
    public override int Height { get; } = 1 + Subs.Max(s => s.Height);

    // Go factors an alternation before sizing it (common leading literals, classes and empty matches of neighbouring
    // alternatives shared, single characters merged into one class), which this tree does not do: where two
    // neighbours could be factored, the largest alternative is taken, a size Go's factored form never falls below;
    // otherwise each alternative and a split between each two, as calcSize counts.
    public override long Size { get; } = Saturate(
        Enumerable.Range(0, Subs.Count - 1).Any(i => Factorable(Leading(Subs[i]), Leading(Subs[i + 1])))
            ? Subs.Max(s => s.Size)
            : Subs.Sum(s => s.Size) + Subs.Count - 1);

    private static Node Leading(Node node) => node is ConcatNode { Subs.Count: > 0 } concat ? concat.Subs[0] : node;

    private static bool Factorable(Node a, Node b) =>
        (a is LiteralNode or ClassNode or AnyCharNode && b is LiteralNode or ClassNode or AnyCharNode) || (a is EmptyNode && b is EmptyNode);
}

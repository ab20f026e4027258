namespace GoRegexpSyntax;

/// <summary>Reads Go's finished parse tree as the records the .NET translation writes.</summary>
internal static class TreeReader
{
    public static Node Read(Regexp re)
    {
        var fold = re.Flags.HasFlag(ParseFlags.FoldCase);
        var lazy = re.Flags.HasFlag(ParseFlags.NonGreedy);
        return re.Op switch
        {
            Op.NoMatch => new ClassNode(RuneSet.Empty),
            Op.EmptyMatch => new EmptyNode(),
            Op.Literal when re.Rune.Count == 1 => new LiteralNode(re.Rune[0], fold),
            Op.Literal => new ConcatNode(re.Rune.Select(r => (Node)new LiteralNode(r, fold)).ToList()),
            Op.CharClass => new ClassNode(ClassRunes.ToSet(re.Rune)),
            Op.AnyCharNotNL => new AnyCharNode(false),
            Op.AnyChar => new AnyCharNode(true),
            Op.BeginLine => new AssertionNode(Assertion.BeginLine),
            Op.EndLine => new AssertionNode(Assertion.EndLine),
            Op.BeginText => new AssertionNode(Assertion.BeginText),
            Op.EndText => new AssertionNode(Assertion.EndText),
            Op.WordBoundary => new AssertionNode(Assertion.WordBoundary),
            Op.NoWordBoundary => new AssertionNode(Assertion.NoWordBoundary),
            Op.Capture => new CaptureNode(Read(re.Sub[0]), re.Cap, re.Name),
            Op.Star => new RepeatNode(Read(re.Sub[0]), 0, -1, lazy, Counted: false),
            Op.Plus => new RepeatNode(Read(re.Sub[0]), 1, -1, lazy, Counted: false),
            Op.Quest => new RepeatNode(Read(re.Sub[0]), 0, 1, lazy, Counted: false),
            Op.Repeat => new RepeatNode(Read(re.Sub[0]), re.Min, re.Max, lazy, Counted: true),
            Op.Concat => new ConcatNode(re.Sub.Select(Read).ToList()),
            Op.Alternate => new AlternateNode(re.Sub.Select(Read).ToList()),
            _ => throw new InvalidOperationException("a parse stack operator left in the tree: " + re.Op),
        };
    }
}

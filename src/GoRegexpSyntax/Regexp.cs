namespace GoRegexpSyntax;

/// <summary>
/// A node of Go's parse tree (<c>syntax.Regexp</c>) as the parser builds it: mutable, because parse.go rewrites nodes
/// in place (literals merged into strings, single characters of an alternation merged into a class, common prefixes
/// of alternatives factored out) and reuses the nodes it frees, and compared by reference, because the parser's size
/// and height caches are keyed by node as Go's maps are keyed by pointer.
/// </summary>
internal sealed class Regexp
{
    public Op Op { get; set; }

    /// <summary>The flags in force when the node was made (<see cref="ParseFlags.WasDollar"/> for a <c>$</c>).</summary>
    public ParseFlags Flags { get; set; }

    public List<Regexp> Sub { get; set; } = [];

    /// <summary>The runes of a literal, or a class as lo, hi pairs.</summary>
    public List<int> Rune { get; set; } = [];

    public int Min { get; set; }

    public int Max { get; set; }

    /// <summary>The capture index; for a <see cref="Op.LeftParen"/>, 0 when it does not capture.</summary>
    public int Cap { get; set; }

    public string? Name { get; set; }

    /// <summary>Go's <c>*re = Regexp{}</c> when a freed node is handed out again.</summary>
    public void Reset()
    {
        Op = 0;
        Flags = ParseFlags.None;
        Sub = [];
        Rune = [];
        Min = Max = Cap = 0;
        Name = null;
    }

    /// <summary>
    /// Go's <c>Equal</c> (regexp.go): the same structure. A literal or class compares its runes and its case folding:
    /// since the fix of golang/go#59007 (PR 66165, opened March 2024; regexp/find_test.go's "fixed bugs" <c>0A|0[aA]</c>
    /// matching <c>0a</c>), where Go 1.19 compared the runes alone and so factored <c>A</c> out of <c>0A|0[aA]</c>.
    /// </summary>
    public bool StructurallyEquals(Regexp? other)
    {
        if (other is null)
        {
            return false;
        }

        if (Op != other.Op)
        {
            return false;
        }

        return Op switch
        {
            Op.EndText => (Flags & ParseFlags.WasDollar) == (other.Flags & ParseFlags.WasDollar),
            Op.Literal or Op.CharClass =>
                (Flags & ParseFlags.FoldCase) == (other.Flags & ParseFlags.FoldCase) && Rune.SequenceEqual(other.Rune),
            Op.Alternate or Op.Concat => Sub.Count == other.Sub.Count && Sub.Zip(other.Sub).All(p => p.First.StructurallyEquals(p.Second)),
            Op.Star or Op.Plus or Op.Quest =>
                (Flags & ParseFlags.NonGreedy) == (other.Flags & ParseFlags.NonGreedy) && Sub[0].StructurallyEquals(other.Sub[0]),
            Op.Repeat =>
                (Flags & ParseFlags.NonGreedy) == (other.Flags & ParseFlags.NonGreedy) && Min == other.Min && Max == other.Max &&
                Sub[0].StructurallyEquals(other.Sub[0]),
            Op.Capture => Cap == other.Cap && Name == other.Name && Sub[0].StructurallyEquals(other.Sub[0]),
            _ => true,
        };
    }
}

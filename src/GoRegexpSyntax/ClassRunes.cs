namespace GoRegexpSyntax;

/// <summary>
/// parse.go's work on the rune lists of literals and classes while alternations are built: <c>isCharClass</c>,
/// <c>matchRune</c>, <c>mergeCharClass</c>, <c>cleanAlt</c> and the <c>append…</c>/<c>cleanClass</c> helpers, kept as
/// Go writes them because the exact lists (cleaned or not) decide what Go's factoring sees as equal.
/// </summary>
internal static class ClassRunes
{
    // parse.go's minFold and maxFold: no rune outside them folds.
    private const int MinFold = 0x41;
    private const int MaxFold = 0x1E943;

    /// <summary>isCharClass: a one-rune literal, a class, or a dot.</summary>
    public static bool IsCharClass(Regexp re) =>
        (re.Op == Op.Literal && re.Rune.Count == 1) || re.Op is Op.CharClass or Op.AnyCharNotNL or Op.AnyChar;

    /// <summary>matchRune: whether <paramref name="re"/> (a character class in the sense above) matches <paramref name="r"/>.</summary>
    public static bool MatchRune(Regexp re, int r)
    {
        switch (re.Op)
        {
            case Op.Literal:
                return re.Rune.Count == 1 && re.Rune[0] == r;
            case Op.CharClass:
                for (var i = 0; i < re.Rune.Count; i += 2)
                {
                    if (re.Rune[i] <= r && r <= re.Rune[i + 1])
                    {
                        return true;
                    }
                }

                return false;
            case Op.AnyCharNotNL:
                return r != '\n';
            case Op.AnyChar:
                return true;
            default:
                return false;
        }
    }

    /// <summary>mergeCharClass: dst = dst|src, where dst is at least as complex as src.</summary>
    public static void Merge(Regexp dst, Regexp src)
    {
        switch (dst.Op)
        {
            case Op.AnyChar:
                break;
            case Op.AnyCharNotNL:
                if (MatchRune(src, '\n'))
                {
                    dst.Op = Op.AnyChar;
                }

                break;
            case Op.CharClass:
                dst.Rune = src.Op == Op.Literal ? AppendLiteral(dst.Rune, src.Rune[0], src.Flags) : AppendClass(dst.Rune, src.Rune);
                break;
            case Op.Literal:
                if (src.Rune[0] == dst.Rune[0] && src.Flags == dst.Flags)
                {
                    break;
                }

                dst.Op = Op.CharClass;
                var first = dst.Rune[0];
                dst.Rune = AppendLiteral(AppendLiteral([], first, dst.Flags), src.Rune[0], src.Flags);
                break;
        }
    }

    /// <summary>cleanAlt: a class about to sit in an alternation is cleaned, and becomes a dot if it is one.</summary>
    public static void CleanAlt(Regexp re)
    {
        if (re.Op != Op.CharClass)
        {
            return;
        }

        re.Rune = Clean(re.Rune);
        if (re.Rune is [0, RuneSet.MaxRune])
        {
            re.Rune = [];
            re.Op = Op.AnyChar;
        }
        else if (re.Rune is [0, '\n' - 1, '\n' + 1, RuneSet.MaxRune])
        {
            re.Rune = [];
            re.Op = Op.AnyCharNotNL;
        }
    }

    /// <summary>cleanClass: the ranges sorted (lo up, hi down on ties), overlapping and abutting ones merged.</summary>
    public static List<int> Clean(List<int> r)
    {
        var pairs = new List<(int Lo, int Hi)>(r.Count / 2);
        for (var i = 0; i + 1 < r.Count; i += 2)
        {
            pairs.Add((r[i], r[i + 1]));
        }

        pairs.Sort((a, b) => a.Lo != b.Lo ? a.Lo.CompareTo(b.Lo) : b.Hi.CompareTo(a.Hi));
        var result = new List<int>(r.Count);
        foreach (var (lo, hi) in pairs)
        {
            if (result.Count > 0 && lo <= result[^1] + 1)
            {
                result[^1] = Math.Max(result[^1], hi);
                continue;
            }

            result.Add(lo);
            result.Add(hi);
        }

        return result;
    }

    /// <summary>appendLiteral: the rune, with its case folding orbit under <c>(?i)</c>.</summary>
    public static List<int> AppendLiteral(List<int> r, int x, ParseFlags flags) =>
        flags.HasFlag(ParseFlags.FoldCase) ? AppendFoldedRange(r, x, x) : AppendRange(r, x, x);

    /// <summary>appendRange: widens the last or next-to-last range when lo-hi overlaps or abuts it, else appends.</summary>
    public static List<int> AppendRange(List<int> r, int lo, int hi)
    {
        var n = r.Count;
        for (var i = 2; i <= 4; i += 2)
        {
            if (n >= i)
            {
                var rlo = r[n - i];
                var rhi = r[n - i + 1];
                if (lo <= rhi + 1 && rlo <= hi + 1)
                {
                    if (lo < rlo)
                    {
                        r[n - i] = lo;
                    }

                    if (hi > rhi)
                    {
                        r[n - i + 1] = hi;
                    }

                    return r;
                }
            }
        }

        r.Add(lo);
        r.Add(hi);
        return r;
    }

    /// <summary>appendFoldedRange: lo-hi and every rune its members fold to.</summary>
    public static List<int> AppendFoldedRange(List<int> r, int lo, int hi)
    {
        if ((lo <= MinFold && hi >= MaxFold) || hi < MinFold || lo > MaxFold)
        {
            return AppendRange(r, lo, hi);
        }

        if (lo < MinFold)
        {
            r = AppendRange(r, lo, MinFold - 1);
            lo = MinFold;
        }

        if (hi > MaxFold)
        {
            r = AppendRange(r, MaxFold + 1, hi);
            hi = MaxFold;
        }

        for (var c = lo; c <= hi; c++)
        {
            r = AppendRange(r, c, c);
            for (var f = CaseFolding.SimpleFold(c); f != c; f = CaseFolding.SimpleFold(f))
            {
                r = AppendRange(r, f, f);
            }
        }

        return r;
    }

    /// <summary>appendClass: the ranges of a clean class x.</summary>
    public static List<int> AppendClass(List<int> r, List<int> x)
    {
        for (var i = 0; i + 1 < x.Count; i += 2)
        {
            r = AppendRange(r, x[i], x[i + 1]);
        }

        return r;
    }

    /// <summary>The runes as a set, for the .NET translation.</summary>
    public static RuneSet ToSet(List<int> r)
    {
        var pairs = new List<(int Lo, int Hi)>(r.Count / 2);
        for (var i = 0; i + 1 < r.Count; i += 2)
        {
            pairs.Add((r[i], r[i + 1]));
        }

        return RuneSet.Of(pairs);
    }

    /// <summary>The flat lo, hi list of a set (already clean).</summary>
    public static List<int> FromSet(RuneSet set)
    {
        var r = new List<int>(set.Ranges.Count * 2);
        foreach (var (lo, hi) in set.Ranges)
        {
            r.Add(lo);
            r.Add(hi);
        }

        return r;
    }
}

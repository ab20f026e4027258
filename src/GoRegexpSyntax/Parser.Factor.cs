namespace GoRegexpSyntax;

/// <summary>
/// parse.go's <c>factor</c>: the alternatives of an alternation with common prefixes share them, in four rounds —
/// common leading literal strings (<c>abc|abd</c> is <c>ab(?:c|d)</c>), common leading character classes or fixed
/// repeats of one (<c>[ab]c|[ab]d</c>), runs of single characters merged into one class, runs of empty matches into
/// one. Every node it makes, frees and rechecks is made, freed and rechecked as Go does, since the size limit counts
/// Go's nodes and measures Go's factored tree.
/// </summary>
internal sealed partial class Parser
{
    private List<Regexp> Factor(List<Regexp> sub)
    {
        if (sub.Count < 2)
        {
            return sub;
        }

        sub = FactorLeadingStrings(sub);
        sub = FactorLeadingClasses(sub);
        sub = MergeSingleCharacters(sub);

        // Round 4: runs of empty matches become one.
        var result = new List<Regexp>(sub.Count);
        for (var i = 0; i < sub.Count; i++)
        {
            if (i + 1 < sub.Count && sub[i].Op == Op.EmptyMatch && sub[i + 1].Op == Op.EmptyMatch)
            {
                continue;
            }

            result.Add(sub[i]);
        }

        return result;
    }

    // Round 1: alternatives that begin with the same literal runes (and case folding) share them.
    private List<Regexp> FactorLeadingStrings(List<Regexp> sub)
    {
        var result = new List<Regexp>(sub.Count);
        List<int> str = [];
        var strFlags = ParseFlags.None;
        var start = 0;
        for (var i = 0; i <= sub.Count; i++)
        {
            // Invariant: sub[start..i) all begin with str under strFlags.
            List<int> istr = [];
            var iflags = ParseFlags.None;
            if (i < sub.Count)
            {
                (istr, iflags) = LeadingString(sub[i]);
                if (iflags == strFlags)
                {
                    var same = 0;
                    while (same < str.Count && same < istr.Count && str[same] == istr[same])
                    {
                        same++;
                    }

                    if (same > 0)
                    {
                        // Matches at least one rune of the current run: keep going.
                        str = str[..same];
                        continue;
                    }
                }
            }

            // sub[start..i) all begin with str, sub[i] not even with its first rune.
            if (i == start + 1)
            {
                result.Add(sub[start]);
            }
            else if (i > start + 1)
            {
                var prefix = NewRegexp(Op.Literal);
                prefix.Flags = strFlags;
                prefix.Rune = [.. str];
                for (var j = start; j < i; j++)
                {
                    sub[j] = RemoveLeadingString(sub[j], str.Count);
                    CheckLimits(sub[j]);
                }

                var suffix = Collapse(sub.GetRange(start, i - start), Op.Alternate);
                var re = NewRegexp(Op.Concat);
                re.Sub = [prefix, suffix];
                result.Add(re);
            }

            start = i;
            str = istr;
            strFlags = iflags;
        }

        return result;
    }

    // Round 2: alternatives that begin with the same character class, or the same fixed repeat of one, share it.
    // (More complex leading pieces are not factored: that would merge distinct paths through the automaton.)
    private List<Regexp> FactorLeadingClasses(List<Regexp> sub)
    {
        var result = new List<Regexp>(sub.Count);
        var start = 0;
        Regexp? first = null;
        for (var i = 0; i <= sub.Count; i++)
        {
            Regexp? ifirst = null;
            if (i < sub.Count)
            {
                ifirst = LeadingRegexp(sub[i]);
                if (first is not null && first.StructurallyEquals(ifirst) &&
                    (ClassRunes.IsCharClass(first) ||
                     (first.Op == Op.Repeat && first.Min == first.Max && ClassRunes.IsCharClass(first.Sub[0]))))
                {
                    continue;
                }
            }

            if (i == start + 1)
            {
                result.Add(sub[start]);
            }
            else if (i > start + 1)
            {
                var prefix = first!;
                for (var j = start; j < i; j++)
                {
                    // The prefix itself came from sub[start].
                    sub[j] = RemoveLeadingRegexp(sub[j], reuse: j != start);
                    CheckLimits(sub[j]);
                }

                var suffix = Collapse(sub.GetRange(start, i - start), Op.Alternate);
                var re = NewRegexp(Op.Concat);
                re.Sub = [prefix, suffix];
                result.Add(re);
            }

            start = i;
            first = ifirst;
        }

        return result;
    }

    // Round 3: runs of single characters and classes become one class, built in the most complex of them.
    private List<Regexp> MergeSingleCharacters(List<Regexp> sub)
    {
        var result = new List<Regexp>(sub.Count);
        var start = 0;
        for (var i = 0; i <= sub.Count; i++)
        {
            if (i < sub.Count && ClassRunes.IsCharClass(sub[i]))
            {
                continue;
            }

            if (i == start + 1)
            {
                result.Add(sub[start]);
            }
            else if (i > start + 1)
            {
                var max = start;
                for (var j = start + 1; j < i; j++)
                {
                    if (sub[max].Op < sub[j].Op || (sub[max].Op == sub[j].Op && sub[max].Rune.Count < sub[j].Rune.Count))
                    {
                        max = j;
                    }
                }

                (sub[start], sub[max]) = (sub[max], sub[start]);
                for (var j = start + 1; j < i; j++)
                {
                    ClassRunes.Merge(sub[start], sub[j]);
                    Reuse(sub[j]);
                }

                ClassRunes.CleanAlt(sub[start]);
                result.Add(sub[start]);
            }

            if (i < sub.Count)
            {
                result.Add(sub[i]);
            }

            start = i + 1;
        }

        return result;
    }

    // leadingString: the literal runes re begins with (a copy), and their case folding.
    private static (List<int> Runes, ParseFlags Flags) LeadingString(Regexp re)
    {
        if (re.Op == Op.Concat && re.Sub.Count > 0)
        {
            re = re.Sub[0];
        }

        return re.Op != Op.Literal ? ([], ParseFlags.None) : ([.. re.Rune], re.Flags & ParseFlags.FoldCase);
    }

    // removeLeadingString: re without its first n runes; a sequence left with one piece is that piece.
    private Regexp RemoveLeadingString(Regexp re, int n)
    {
        if (re.Op == Op.Concat && re.Sub.Count > 0)
        {
            var sub = RemoveLeadingString(re.Sub[0], n);
            re.Sub[0] = sub;
            if (sub.Op == Op.EmptyMatch)
            {
                Reuse(sub);
                switch (re.Sub.Count)
                {
                    case 0 or 1:
                        re.Op = Op.EmptyMatch;
                        re.Sub = [];
                        break;
                    case 2:
                        var old = re;
                        re = re.Sub[1];
                        Reuse(old);
                        break;
                    default:
                        re.Sub.RemoveAt(0);
                        break;
                }
            }

            return re;
        }

        if (re.Op == Op.Literal)
        {
            re.Rune.RemoveRange(0, n);
            if (re.Rune.Count == 0)
            {
                re.Op = Op.EmptyMatch;
            }
        }

        return re;
    }

    // leadingRegexp: the piece re begins with, none for an empty match.
    private static Regexp? LeadingRegexp(Regexp re)
    {
        if (re.Op == Op.EmptyMatch)
        {
            return null;
        }

        if (re.Op == Op.Concat && re.Sub.Count > 0)
        {
            var sub = re.Sub[0];
            return sub.Op == Op.EmptyMatch ? null : sub;
        }

        return re;
    }

    // removeLeadingRegexp: re without its first piece (freed when reuse); what is left of a sequence of two is its
    // second piece, of a single piece an empty match.
    private Regexp RemoveLeadingRegexp(Regexp re, bool reuse)
    {
        if (re.Op == Op.Concat && re.Sub.Count > 0)
        {
            if (reuse)
            {
                Reuse(re.Sub[0]);
            }

            re.Sub.RemoveAt(0);
            switch (re.Sub.Count)
            {
                case 0:
                    re.Op = Op.EmptyMatch;
                    re.Sub = [];
                    break;
                case 1:
                    var old = re;
                    re = re.Sub[0];
                    Reuse(old);
                    break;
            }

            return re;
        }

        if (reuse)
        {
            Reuse(re);
        }

        return NewRegexp(Op.EmptyMatch);
    }
}

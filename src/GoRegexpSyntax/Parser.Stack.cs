namespace GoRegexpSyntax;

/// <summary>
/// The parse stack of parse.go: <c>push</c> (a one-rune class becomes a literal), <c>maybeConcat</c> (adjacent
/// literals become one string), <c>repeat</c>, <c>concat</c>, <c>alternate</c>, <c>collapse</c> (nested sequences and
/// alternations flattened, alternations factored), <c>swapVerticalBar</c> (single characters of an alternation merged
/// into one class as they are read) and <c>parseRightParen</c>.
/// </summary>
internal sealed partial class Parser
{
    // push: the node goes on the stack (or, a one-rune class, into the literal below it) and the limits are checked.
    private Regexp? Push(Regexp re)
    {
        runes += re.Rune.Count;
        var r = re.Rune;
        if (re.Op == Op.CharClass && r.Count == 2 && r[0] == r[1])
        {
            // A single rune.
            if (MaybeConcat(r[0], flags & ~ParseFlags.FoldCase))
            {
                return null;
            }

            re.Op = Op.Literal;
            re.Rune = [r[0]];
            re.Flags = flags & ~ParseFlags.FoldCase;
        }
        else if ((re.Op == Op.CharClass && r.Count == 4 && r[0] == r[1] && r[2] == r[3] &&
                  CaseFolding.SimpleFold(r[0]) == r[2] && CaseFolding.SimpleFold(r[2]) == r[0]) ||
                 (re.Op == Op.CharClass && r.Count == 2 && r[0] + 1 == r[1] &&
                  CaseFolding.SimpleFold(r[0]) == r[1] && CaseFolding.SimpleFold(r[1]) == r[0]))
        {
            // A case-insensitive rune like [Aa] or [Δδ].
            if (MaybeConcat(r[0], flags | ParseFlags.FoldCase))
            {
                return null;
            }

            re.Op = Op.Literal;
            re.Rune = [r[0]];
            re.Flags = flags | ParseFlags.FoldCase;
        }
        else
        {
            // Incremental concatenation.
            MaybeConcat(-1, ParseFlags.None);
        }

        stack.Add(re);
        CheckLimits(re);
        return re;
    }

    // maybeConcat: when the two topmost nodes are literals of the same case folding, the upper joins the lower. Its
    // node is then reused for rune (when given, with these flags: reports true) or freed.
    private bool MaybeConcat(int rune, ParseFlags runeFlags)
    {
        var n = stack.Count;
        if (n < 2)
        {
            return false;
        }

        var re1 = stack[n - 1];
        var re2 = stack[n - 2];
        if (re1.Op != Op.Literal || re2.Op != Op.Literal ||
            (re1.Flags & ParseFlags.FoldCase) != (re2.Flags & ParseFlags.FoldCase))
        {
            return false;
        }

        re2.Rune.AddRange(re1.Rune);
        if (rune >= 0)
        {
            re1.Rune = [rune];
            re1.Flags = runeFlags;
            return true;
        }

        stack.RemoveAt(n - 1);
        Reuse(re1);
        return false;
    }

    // literal: one rune, the least of its case folding orbit under (?i).
    private void Literal(int rune)
    {
        var re = NewRegexp(Op.Literal);
        re.Flags = flags;
        re.Rune = [flags.HasFlag(ParseFlags.FoldCase) ? CaseFolding.MinFoldRune(rune) : rune];
        Push(re);
    }

    // op: a node of this operator with the current flags, pushed.
    private Regexp PushOp(Op op)
    {
        var re = NewRegexp(op);
        re.Flags = flags;
        return Push(re)!;
    }

    // repeat: the top of the stack repeated; before..after is the operator, a lazy ? included.
    private int Repeat(Op op, int min, int max, int before, int after, int lastRepeat)
    {
        var s = whole;
        var repeatFlags = flags;
        if (after < s.Length && s[after] == '?')
        {
            after++;
            repeatFlags ^= ParseFlags.NonGreedy;
        }

        if (lastRepeat >= 0)
        {
            // In Perl a** is a syntax error, not a doubled star.
            throw Fail(ErrorCodes.InvalidRepeatOp, s[lastRepeat..after]);
        }

        var n = stack.Count;
        if (n == 0 || stack[n - 1].Op >= Op.LeftParen)
        {
            throw Fail(ErrorCodes.MissingRepeatArgument, s[before..after]);
        }

        var re = NewRegexp(op);
        re.Min = min;
        re.Max = max;
        re.Flags = repeatFlags;
        re.Sub = [stack[n - 1]];
        stack[n - 1] = re;
        CheckLimits(re);
        if (op == Op.Repeat && (min >= 2 || max >= 2) && !RepeatIsValid(re, MaxRepeat))
        {
            throw Fail(ErrorCodes.InvalidRepeatSize, s[before..after]);
        }

        return after;
    }

    // parseVerticalBar: the sequence just read goes below the | above the earlier alternatives, or a | is pushed.
    private void ParseVerticalBar()
    {
        Concat();
        if (!SwapVerticalBar())
        {
            PushOp(Op.VerticalBar);
        }
    }

    // swapVerticalBar: with an operand above a |, a character class merges into the class below the | (if it is one),
    // else the two swap places; reports whether either happened.
    private bool SwapVerticalBar()
    {
        var n = stack.Count;
        if (n >= 3 && stack[n - 2].Op == Op.VerticalBar && ClassRunes.IsCharClass(stack[n - 1]) && ClassRunes.IsCharClass(stack[n - 3]))
        {
            var re1 = stack[n - 1];
            var re3 = stack[n - 3];

            // Make re3 the more complex of the two.
            if (re1.Op > re3.Op)
            {
                (re1, re3) = (re3, re1);
                stack[n - 3] = re3;
            }

            ClassRunes.Merge(re3, re1);
            Reuse(re1);
            stack.RemoveAt(n - 1);
            return true;
        }

        if (n >= 2 && stack[n - 2].Op == Op.VerticalBar)
        {
            if (n >= 3)
            {
                // Now out of reach: clean it.
                ClassRunes.CleanAlt(stack[n - 3]);
            }

            (stack[n - 2], stack[n - 1]) = (stack[n - 1], stack[n - 2]);
            return true;
        }

        return false;
    }

    private void ParseRightParen()
    {
        Concat();
        if (SwapVerticalBar())
        {
            stack.RemoveAt(stack.Count - 1);
        }

        Alternate();
        var n = stack.Count;
        if (n < 2)
        {
            throw Fail(ErrorCodes.UnexpectedParen, whole);
        }

        var re1 = stack[n - 1];
        var re2 = stack[n - 2];
        stack.RemoveRange(n - 2, 2);
        if (re2.Op != Op.LeftParen)
        {
            throw Fail(ErrorCodes.UnexpectedParen, whole);
        }

        // The flags in force at the parenthesis come back.
        flags = re2.Flags;
        if (re2.Cap == 0)
        {
            Push(re1);
        }
        else
        {
            re2.Op = Op.Capture;
            re2.Sub = [re1];
            Push(re2);
        }
    }

    // concat: the operands above the topmost ( or | become their sequence.
    private void Concat()
    {
        MaybeConcat(-1, ParseFlags.None);
        var i = stack.Count;
        while (i > 0 && stack[i - 1].Op < Op.LeftParen)
        {
            i--;
        }

        var subs = stack.GetRange(i, stack.Count - i);
        stack.RemoveRange(i, stack.Count - i);
        Push(subs.Count == 0 ? NewRegexp(Op.EmptyMatch) : Collapse(subs, Op.Concat));
    }

    // alternate: the alternatives above the topmost ( become their alternation.
    private void Alternate()
    {
        var i = stack.Count;
        while (i > 0 && stack[i - 1].Op < Op.LeftParen)
        {
            i--;
        }

        var subs = stack.GetRange(i, stack.Count - i);
        stack.RemoveRange(i, stack.Count - i);

        // The others were cleaned as they went below the | (swapVerticalBar).
        if (subs.Count > 0)
        {
            ClassRunes.CleanAlt(subs[^1]);
        }

        Push(subs.Count == 0 ? NewRegexp(Op.NoMatch) : Collapse(subs, Op.Alternate));
    }

    // collapse: op applied to subs, an operand of the same op flattened into it (its node freed); an alternation is
    // factored, and one left with a single alternative is that alternative.
    private Regexp Collapse(List<Regexp> subs, Op op)
    {
        if (subs.Count == 1)
        {
            return subs[0];
        }

        var re = NewRegexp(op);
        foreach (var sub in subs)
        {
            if (sub.Op == op)
            {
                re.Sub.AddRange(sub.Sub);
                Reuse(sub);
            }
            else
            {
                re.Sub.Add(sub);
            }
        }

        if (op == Op.Alternate)
        {
            re.Sub = Factor(re.Sub);
            if (re.Sub.Count == 1)
            {
                var old = re;
                re = re.Sub[0];
                Reuse(old);
            }
        }

        return re;
    }
}

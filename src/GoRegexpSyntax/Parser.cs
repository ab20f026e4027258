using System.Text;

namespace GoRegexpSyntax;

/// <summary>
/// Go's regexp/syntax parser (parse.go) for the flags <c>regexp.Compile</c> uses (<c>syntax.Perl</c>), written
/// anew in C# from Go's source as Go 1.26 has it (the Go a Nomad server is built with): the same stack of operands
/// and pseudo-operators, the same checks in the same order, so the first error found is Go's, with Go's code and
/// offending text. Go works on UTF-8 bytes and this on UTF-16, which names the same text (a lone surrogate stands
/// for invalid UTF-8).
/// </summary>
internal sealed class Parser
{
    private const int MaxRepeat = 1000;
    private const int MaxHeight = 1000;

    // parse.go's maxSize (instructions of 40 bytes in 128 MB) and maxRunes (runes of 4 bytes in 128 MB), Go 1.20+.
    private const long MaxSize = (128L << 20) / 40;
    private const long MaxRunes = (128L << 20) / 4;

    private readonly string whole;
    private readonly List<Node> stack = [];
    private ParseFlags flags = ParseFlags.OneLine;
    private int captures;

    // checkLimits' state: the runes pushed; Go's numRegexp, the nodes Go allocates, which reuse the nodes Go frees
    // (free: a literal merged into the one before it by maybeConcat, a sequence or alternation flattened into its
    // parent by collapse, two single characters of an alternation merged by swapVerticalBar); the length of the run
    // of literals on top of the stack (Go merges the two topmost at every push); the product of the counted repeats
    // seen and whether sizes are measured yet.
    private long runes;
    private long made;
    private long free;
    private int literalRun;
    private long repeats = 1;
    private bool measuring;

    private Parser(string pattern) => whole = pattern;

    /// <summary>The parse tree and the number of capturing groups, or Go's error.</summary>
    public static (Node? Tree, RegexpError? Error) Parse(string pattern)
    {
        try
        {
            return (new Parser(pattern).Run(), null);
        }
        catch (ParseError e)
        {
            return (null, e.Error);
        }
    }

    private Node Run()
    {
        var s = whole;
        var t = 0;
        var lastRepeat = -1;
        while (t < s.Length)
        {
            var repeat = -1;
            switch (s[t])
            {
                case '(':
                    if (t + 1 < s.Length && s[t + 1] == '?')
                    {
                        t = ParsePerlFlags(t);
                        break;
                    }

                    captures++;
                    Push(new LeftParen(captures, null, flags));
                    t++;
                    break;
                case '|':
                    ParseVerticalBar();
                    t++;
                    break;
                case ')':
                    ParseRightParen();
                    t++;
                    break;
                case '^':
                    Push(new AssertionNode(flags.HasFlag(ParseFlags.OneLine) ? Assertion.BeginText : Assertion.BeginLine));
                    t++;
                    break;
                case '$':
                    Push(new AssertionNode(flags.HasFlag(ParseFlags.OneLine) ? Assertion.EndText : Assertion.EndLine));
                    t++;
                    break;
                case '.':
                    Push(new AnyCharNode(flags.HasFlag(ParseFlags.DotNewline)));
                    t++;
                    break;
                case '[':
                    t = ParseClass(t);
                    break;
                case '*' or '+' or '?':
                    {
                        var before = t;
                        var (min, max) = s[t] switch { '*' => (0, -1), '+' => (1, -1), _ => (0, 1) };
                        t = Repeat(min, max, before, t + 1, lastRepeat, counted: false);
                        repeat = before;
                        break;
                    }

                case '{':
                    {
                        var before = t;
                        if (!ParseRepeat(t, out var min, out var max, out var after))
                        {
                            // A { that does not start a repeat is a literal.
                            Literal('{');
                            t++;
                            break;
                        }

                        if (min < 0 || min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
                        {
                            throw Fail(ErrorCodes.InvalidRepeatSize, s[before..after]);
                        }

                        t = Repeat(min, max, before, after, lastRepeat, counted: true);
                        repeat = before;
                        break;
                    }

                case '\\':
                    t = ParseBackslash(t);
                    break;
                default:
                    {
                        var (c, next) = NextRune(t);
                        Literal(c);
                        t = next;
                        break;
                    }
            }

            lastRepeat = repeat;
        }

        Concat();
        SwapVerticalBar();
        Alternate();
        if (stack.Count != 1)
        {
            throw Fail(ErrorCodes.MissingParen, s);
        }

        return stack[0];
    }

    private int ParseBackslash(int t)
    {
        var s = whole;
        if (t + 1 < s.Length)
        {
            switch (s[t + 1])
            {
                case 'A':
                    Push(new AssertionNode(Assertion.BeginText));
                    return t + 2;
                case 'b':
                    Push(new AssertionNode(Assertion.WordBoundary));
                    return t + 2;
                case 'B':
                    Push(new AssertionNode(Assertion.NoWordBoundary));
                    return t + 2;
                case 'C':
                    // Any byte: not supported.
                    throw Fail(ErrorCodes.InvalidEscape, s[t..(t + 2)]);
                case 'Q':
                    {
                        // \Q ... \E: the ... is always literals.
                        var end = s.IndexOf(@"\E", t + 2, StringComparison.Ordinal);
                        var litEnd = end < 0 ? s.Length : end;
                        for (var i = t + 2; i < litEnd;)
                        {
                            var (c, next) = NextRune(i);
                            Literal(c);
                            i = next;
                        }

                        return end < 0 ? s.Length : end + 2;
                    }

                case 'z':
                    Push(new AssertionNode(Assertion.EndText));
                    return t + 2;
            }
        }

        if (t + 1 < s.Length && s[t + 1] is 'p' or 'P')
        {
            var (set, rest) = ParseUnicodeClass(t);
            Push(set);
            return rest;
        }

        if (t + 1 < s.Length && NamedClasses.Perl(s[t + 1], out var perlNegated) is { } perl)
        {
            Push(Class(perl, perlNegated));
            return t + 2;
        }

        var (r, after) = ParseEscape(t);
        Literal(r);
        return after;
    }

    // Go folds a class's members under (?i), then negates it.
    private ClassNode Class(RuneSet set, bool negated)
    {
        var members = flags.HasFlag(ParseFlags.FoldCase) ? CaseFolding.Fold(set) : set;
        return new ClassNode(negated ? members.Negate() : members);
    }

    // repeat: applies the repetition to the top of the stack; before..after is the operator, lazy ? included.
    private int Repeat(int min, int max, int before, int after, int lastRepeat, bool counted)
    {
        var s = whole;
        var lazy = flags.HasFlag(ParseFlags.NonGreedy);
        if (after < s.Length && s[after] == '?')
        {
            after++;
            lazy = !lazy;
        }

        if (lastRepeat >= 0)
        {
            // In Perl a** is a syntax error, not a doubled star.
            throw Fail(ErrorCodes.InvalidRepeatOp, s[lastRepeat..after]);
        }

        if (stack.Count == 0 || stack[^1] is LeftParen or VerticalBar)
        {
            throw Fail(ErrorCodes.MissingRepeatArgument, s[before..after]);
        }

        var node = new RepeatNode(stack[^1], min, max, lazy, counted);
        stack[^1] = node;
        literalRun = 0;
        Allocate();
        CheckLimits(node);
        if (counted && (min >= 2 || max >= 2) && !RepeatIsValid(node, MaxRepeat))
        {
            throw Fail(ErrorCodes.InvalidRepeatSize, s[before..after]);
        }

        return after;
    }

    // Whether the repetitions nested in node multiply to at most n copies of the innermost operand.
    private static bool RepeatIsValid(Node node, int n)
    {
        if (node is RepeatNode { Counted: true } repeat)
        {
            var m = repeat.Max;
            if (m == 0)
            {
                return true;
            }

            if (m < 0)
            {
                m = repeat.Min;
            }

            if (m > n)
            {
                return false;
            }

            if (m > 0)
            {
                n /= m;
            }
        }

        return node switch
        {
            RepeatNode r => RepeatIsValid(r.Sub, n),
            CaptureNode c => RepeatIsValid(c.Sub, n),
            ConcatNode c => c.Subs.All(x => RepeatIsValid(x, n)),
            AlternateNode a => a.Subs.All(x => RepeatIsValid(x, n)),
            _ => true,
        };
    }

    private bool ParseRepeat(int start, out int min, out int max, out int after)
    {
        var s = whole;
        min = max = 0;
        after = start;
        var t = start + 1;
        if (!ParseInt(ref t, out min) || t >= s.Length)
        {
            return false;
        }

        if (s[t] != ',')
        {
            max = min;
        }
        else
        {
            t++;
            if (t >= s.Length)
            {
                return false;
            }

            if (s[t] == '}')
            {
                max = -1;
            }
            else if (!ParseInt(ref t, out max))
            {
                return false;
            }
            else if (max < 0)
            {
                // Too big a number.
                min = -1;
            }
        }

        if (t >= s.Length || s[t] != '}')
        {
            return false;
        }

        after = t + 1;
        return true;
    }

    // A decimal number without leading zeros; -1 when it reaches 10^8.
    private bool ParseInt(ref int t, out int n)
    {
        var s = whole;
        n = 0;
        if (t >= s.Length || !char.IsAsciiDigit(s[t]) || (t + 1 < s.Length && s[t] == '0' && char.IsAsciiDigit(s[t + 1])))
        {
            return false;
        }

        for (; t < s.Length && char.IsAsciiDigit(s[t]); t++)
        {
            if (n >= 100_000_000)
            {
                n = -1;
            }
            else if (n >= 0)
            {
                n = (n * 10) + (s[t] - '0');
            }
        }

        return true;
    }

    // (?flags), (?flags:, (?P<name> and, since Go 1.22, (?<name> (parsePerlFlags' startsWithP / startsWithName).
    private int ParsePerlFlags(int start)
    {
        var s = whole;
        var startsWithP = s.Length - start > 4 && s[start + 2] == 'P' && s[start + 3] == '<';
        var startsWithName = s.Length - start > 3 && s[start + 2] == '<';
        if (startsWithP || startsWithName)
        {
            var end = s.IndexOf('>', start);
            if (end < 0)
            {
                CheckUtf16(start);
                throw Fail(ErrorCodes.InvalidNamedCapture, s[start..]);
            }

            var name = s[(start + (startsWithName ? 3 : 4))..end];
            CheckUtf16(start + (startsWithName ? 3 : 4), end);
            if (name.Length == 0 || !name.All(c => c == '_' || char.IsAsciiLetterOrDigit(c)))
            {
                throw Fail(ErrorCodes.InvalidNamedCapture, s[start..(end + 1)]);
            }

            captures++;
            Push(new LeftParen(captures, name, flags));
            return end + 1;
        }

        var t = start + 2;
        var set = flags;
        var negative = false;
        var sawFlag = false;
        while (t < s.Length)
        {
            var (c, next) = NextRune(t);
            t = next;
            switch (c)
            {
                case 'i':
                    set = Apply(set, ParseFlags.FoldCase, !negative);
                    sawFlag = true;
                    continue;
                case 'm':
                    set = Apply(set, ParseFlags.OneLine, negative);
                    sawFlag = true;
                    continue;
                case 's':
                    set = Apply(set, ParseFlags.DotNewline, !negative);
                    sawFlag = true;
                    continue;
                case 'U':
                    set = Apply(set, ParseFlags.NonGreedy, !negative);
                    sawFlag = true;
                    continue;
                case '-':
                    if (negative)
                    {
                        break;
                    }

                    negative = true;
                    sawFlag = false;
                    continue;
                case ':' or ')':
                    if (negative && !sawFlag)
                    {
                        break;
                    }

                    if (c == ':')
                    {
                        Push(new LeftParen(0, null, flags));
                    }

                    flags = set;
                    return t;
            }

            break;
        }

        throw Fail(ErrorCodes.InvalidPerlOp, s[start..t]);

        static ParseFlags Apply(ParseFlags flags, ParseFlags flag, bool on) => on ? flags | flag : flags & ~flag;
    }

    // The sequence just parsed becomes an alternative: of the | below it, or of a new | that replaces it on the stack
    // (so a repetition right after | finds no operand, as in Go where the | is on top).
    private void ParseVerticalBar()
    {
        Concat();
        if (!SwapVerticalBar())
        {
            var first = stack[^1];
            stack[^1] = new VerticalBar([first]);
            Allocate();
            CheckLimits(stack[^1]);
        }
    }

    // If the top of the stack is an operand above a |, moves the operand into the |'s alternatives.
    private bool SwapVerticalBar()
    {
        if (stack.Count >= 2 && stack[^2] is VerticalBar bar && stack[^1] is not LeftParen and not VerticalBar)
        {
            if (IsCharClass(stack[^1]) && IsCharClass(bar.Alternatives[^1]))
            {
                free++;
            }

            bar.Alternatives.Add(stack[^1]);
            stack.RemoveAt(stack.Count - 1);
            return true;
        }

        return false;
    }

    private void ParseRightParen()
    {
        Concat();
        SwapVerticalBar();
        Alternate();
        if (stack.Count < 2 || stack[^2] is not LeftParen paren)
        {
            throw Fail(ErrorCodes.UnexpectedParen, whole);
        }

        var inner = stack[^1];
        stack.RemoveRange(stack.Count - 2, 2);
        flags = paren.Flags;
        Push(paren.Capture == 0 ? inner : new CaptureNode(inner, paren.Capture, paren.Name), fresh: false);
    }

    // Replaces the operands above the topmost ( or | with their sequence.
    private void Concat()
    {
        var i = stack.Count;
        while (i > 0 && stack[i - 1] is not LeftParen and not VerticalBar)
        {
            i--;
        }

        MergeLiterals();
        var subs = stack.GetRange(i, stack.Count - i);
        stack.RemoveRange(i, stack.Count - i);
        literalRun = 0;
        free += subs.Count > 1 ? subs.Count(sub => sub is ConcatNode) : 0;
        Push(
            subs.Count switch
            {
                0 => new EmptyNode(),
                1 => subs[0],
                _ => new ConcatNode(subs),
            },
            fresh: subs.Count != 1);
    }

    // Replaces the | (if any) and the operand above the topmost ( with their alternation.
    private void Alternate()
    {
        var i = stack.Count;
        while (i > 0 && stack[i - 1] is not LeftParen)
        {
            i--;
        }

        var subs = new List<Node>();
        foreach (var item in stack.GetRange(i, stack.Count - i))
        {
            if (item is VerticalBar bar)
            {
                subs.AddRange(bar.Alternatives);
            }
            else
            {
                subs.Add(item);
            }
        }

        stack.RemoveRange(i, stack.Count - i);
        literalRun = 0;
        free += subs.Count > 1 ? subs.Count(sub => sub is AlternateNode) : 0;
        Push(subs.Count == 1 ? subs[0] : new AlternateNode(subs), fresh: subs.Count != 1);
    }

    private void Literal(int rune) => Push(new LiteralNode(rune, flags.HasFlag(ParseFlags.FoldCase)));

    // push: a node made just now (fresh) or put back (the operand of a group, a sequence of one).
    private void Push(Node node, bool fresh = true)
    {
        runes += node switch
        {
            LiteralNode => 1,
            ClassNode c => 2L * c.Runes.Ranges.Count,
            _ => 0,
        };
        if (fresh)
        {
            Allocate();
        }

        MergeLiterals();
        literalRun = node is LiteralNode literal && stack.Count > 0 && stack[^1] is LiteralNode below && below.Fold == literal.Fold
            ? literalRun + 1
            : node is LiteralNode ? 1 : 0;
        stack.Add(node);
        CheckLimits(node);
    }

    // newRegexp: a node from Go's free list, or a new one.
    private void Allocate()
    {
        if (free > 0)
        {
            free--;
        }
        else
        {
            made++;
        }
    }

    // maybeConcat before a push: two literals on top of the stack become one string, freeing a node.
    private void MergeLiterals()
    {
        if (literalRun >= 2)
        {
            free++;
        }
    }

    // isCharClass: a single literal, a class or a dot.
    private static bool IsCharClass(Node node) => node is LiteralNode or ClassNode or AnyCharNode;

    // checkLimits: the runes of the classes, the compiled size, the height.
    private void CheckLimits(Node node)
    {
        if (runes > MaxRunes)
        {
            throw Fail(ErrorCodes.Large, whole);
        }

        CheckSize(node);
        CheckHeight(node);
    }

    // checkSize: sizes are measured only once the nodes made times the product of the counted repeats could pass
    // the limit; from then on every node pushed or repeated, and at the start everything on the stack.
    private void CheckSize(Node node)
    {
        if (!measuring)
        {
            if (node is RepeatNode { Counted: true } repeat)
            {
                var n = repeat.Max == -1 ? repeat.Min : repeat.Max;
                n = Math.Max(n, 1);
                repeats = n > MaxSize / repeats ? MaxSize : repeats * n;
            }

            if (made < MaxSize / repeats)
            {
                return;
            }

            measuring = true;
            if (stack.Any(item => item.Size > MaxSize))
            {
                throw Fail(ErrorCodes.Large, whole);
            }
        }

        if (node.Size > MaxSize)
        {
            throw Fail(ErrorCodes.Large, whole);
        }
    }

    private void CheckHeight(Node node)
    {
        if (node.Height > MaxHeight)
        {
            throw Fail(ErrorCodes.NestingDepth, whole);
        }
    }

    // \p{Name}, \pN, \P{...}, \p{^...}
    private (ClassNode Set, int After) ParseUnicodeClass(int start)
    {
        var s = whole;
        var negated = s[start + 1] == 'P';
        string seq;
        string name;
        int rest;
        if (start + 2 >= s.Length)
        {
            seq = s[start..];
            name = "";
            rest = s.Length;
        }
        else if (s[start + 2] != '{')
        {
            var (_, next) = NextRune(start + 2);
            seq = s[start..next];
            name = s[(start + 2)..next];
            rest = next;
        }
        else
        {
            var end = s.IndexOf('}', start);
            if (end < 0)
            {
                CheckUtf16(start);
                throw Fail(ErrorCodes.InvalidCharRange, s[start..]);
            }

            seq = s[start..(end + 1)];
            name = s[(start + 3)..end];
            CheckUtf16(start + 3, end);
            rest = end + 1;
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var (set, inverted) = UnicodeClasses.Lookup(name) ?? throw Fail(ErrorCodes.InvalidCharRange, seq);

        // Assigned is Cn inverted, with Cn as its own fold table: folding adds nothing.
        return inverted ? (new ClassNode(negated ? set : set.Negate()), rest) : (Class(set, negated), rest);
    }

    private int ParseClass(int start)
    {
        var s = whole;
        var t = start + 1;
        var negated = false;
        if (t < s.Length && s[t] == '^')
        {
            negated = true;
            t++;
        }

        var ranges = new List<(int Lo, int Hi)>();
        var first = true;
        while (t >= s.Length || s[t] != ']' || first)
        {
            first = false;
            if (s.Length - t > 2 && s[t] == '[' && s[t + 1] == ':')
            {
                var close = s.IndexOf(":]", t + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    var bracketed = s[t..(close + 2)];
                    var posix = NamedClasses.PosixClass(bracketed, out var posixNegated) ?? throw Fail(ErrorCodes.InvalidCharRange, bracketed);
                    ranges.AddRange(Class(posix, posixNegated).Runes.Ranges);
                    t = close + 2;
                    continue;
                }
            }

            if (s.Length - t >= 2 && s[t] == '\\' && s[t + 1] is 'p' or 'P')
            {
                var (set, rest) = ParseUnicodeClass(t);
                ranges.AddRange(set.Runes.Ranges);
                t = rest;
                continue;
            }

            if (s.Length - t >= 2 && s[t] == '\\' && NamedClasses.Perl(s[t + 1], out var perlNegated) is { } perl)
            {
                ranges.AddRange(Class(perl, perlNegated).Runes.Ranges);
                t += 2;
                continue;
            }

            var range = t;
            var lo = ParseClassChar(ref t, start);
            var hi = lo;
            // [a-] means (a|-), so check for the final ].
            if (s.Length - t >= 2 && s[t] == '-' && s[t + 1] != ']')
            {
                t++;
                hi = ParseClassChar(ref t, start);
                if (hi < lo)
                {
                    throw Fail(ErrorCodes.InvalidCharRange, s[range..t]);
                }
            }

            ranges.AddRange(flags.HasFlag(ParseFlags.FoldCase) ? CaseFolding.Fold(RuneSet.Of([(lo, hi)])).Ranges : [(lo, hi)]);
        }

        // Ranges written out are folded here; the named classes above were folded as they were read.
        var written = RuneSet.Of(ranges);
        Push(new ClassNode(negated ? written.Negate() : written));
        return t + 1;
    }

    private int ParseClassChar(ref int t, int classStart)
    {
        if (t >= whole.Length)
        {
            throw Fail(ErrorCodes.MissingBracket, whole[classStart..]);
        }

        if (whole[t] == '\\')
        {
            var (r, rest) = ParseEscape(t);
            t = rest;
            return r;
        }

        var (c, next) = NextRune(t);
        t = next;
        return c;
    }

    // An escape giving one rune: \n, \x41, \x{10FFFF}, \101, \. and so on.
    private (int Rune, int After) ParseEscape(int start)
    {
        var s = whole;
        var t = start + 1;
        if (t >= s.Length)
        {
            throw Fail(ErrorCodes.TrailingBackslash, "");
        }

        var (c, next) = NextRune(t);
        t = next;
        switch (c)
        {
            case < 0x80 when !char.IsAsciiLetterOrDigit((char)c):
                // Escaped punctuation is itself.
                return (c, t);
            case >= '1' and <= '7' when t >= s.Length || s[t] is < '0' or > '7':
                // A single non-zero digit is a back-reference: not supported.
                break;
            case >= '0' and <= '7':
                {
                    var r = c - '0';
                    for (var i = 1; i < 3 && t < s.Length && s[t] is >= '0' and <= '7'; i++, t++)
                    {
                        r = (r * 8) + (s[t] - '0');
                    }

                    return (r, t);
                }

            case 'x':
                if (t >= s.Length)
                {
                    break;
                }

                (c, t) = NextRune(t);
                if (c == '{')
                {
                    // Any number of hex digits in braces, at least one.
                    var digits = 0;
                    var r = 0;
                    while (true)
                    {
                        if (t >= s.Length)
                        {
                            throw Fail(ErrorCodes.InvalidEscape, s[start..t]);
                        }

                        (c, t) = NextRune(t);
                        if (c == '}')
                        {
                            break;
                        }

                        var v = Unhex(c);
                        if (v < 0)
                        {
                            throw Fail(ErrorCodes.InvalidEscape, s[start..t]);
                        }

                        r = (r * 16) + v;
                        if (r > RuneSet.MaxRune)
                        {
                            throw Fail(ErrorCodes.InvalidEscape, s[start..t]);
                        }

                        digits++;
                    }

                    if (digits == 0)
                    {
                        break;
                    }

                    return (r, t);
                }

                {
                    // Two hex digits.
                    var x = Unhex(c);
                    var y = -1;
                    if (t < s.Length)
                    {
                        (c, t) = NextRune(t);
                        y = Unhex(c);
                    }

                    if (x < 0 || y < 0)
                    {
                        break;
                    }

                    return ((x * 16) + y, t);
                }

            case 'a':
                return (7, t);
            case 'f':
                return ('\f', t);
            case 'n':
                return ('\n', t);
            case 'r':
                return ('\r', t);
            case 't':
                return ('\t', t);
            case 'v':
                return ('\v', t);
        }

        throw Fail(ErrorCodes.InvalidEscape, s[start..t]);
    }

    private static int Unhex(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // The rune at t and the index after it; a lone surrogate is what invalid UTF-8 is in Go.
    private (int Rune, int Next) NextRune(int t)
    {
        var status = Rune.DecodeFromUtf16(whole.AsSpan(t), out var rune, out var used);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw Fail(ErrorCodes.InvalidUtf8, whole[t..]);
        }

        return (rune.Value, t + used);
    }

    private void CheckUtf16(int start, int end = -1)
    {
        end = end < 0 ? whole.Length : end;
        for (var i = start; i < end;)
        {
            if (Rune.DecodeFromUtf16(whole.AsSpan(i, end - i), out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                throw Fail(ErrorCodes.InvalidUtf8, whole[i..end]);
            }

            i += used;
        }
    }

    private static ParseError Fail(string code, string expr) => new(new RegexpError(code, expr));

    /// <summary>An open parenthesis on the stack; capture 0 for <c>(?:</c>; the flags to restore at its <c>)</c>.</summary>
    private sealed record LeftParen(int Capture, string? Name, ParseFlags Flags) : Node
    {
        public override int Height => 0;

        public override long Size => 1;
    }

    /// <summary>A <c>|</c> on the stack, holding the alternatives parsed so far at its level.</summary>
    private sealed record VerticalBar(List<Node> Alternatives) : Node
    {
        public override int Height => 0;

        // Go keeps the alternatives on the stack beside the bar, so each is measured there.
        public override long Size => Alternatives.Count == 0 ? 1 : Alternatives.Max(a => a.Size);
    }

    private sealed class ParseError(RegexpError error) : Exception(error.Message)
    {
        public RegexpError Error { get; } = error;
    }
}

using System.Text;

namespace GoRegexpSyntax;

/// <summary>
/// Go's regexp/syntax parser (parse.go) for the flags <c>regexp.Compile</c> uses (<c>syntax.Perl</c>), written
/// anew in C# from Go's source as Go 1.26 has it (the Go a Nomad server is built with): the same stack of operands
/// and pseudo-operators, the same simplifications while building (literal strings, single characters of an
/// alternation merged into a class, common prefixes of alternatives factored out), the same node allocations and
/// reuses and the same checks in the same order, so the first error found is Go's, with Go's code and offending
/// text, and the size and height limits fall where Go's do. Go works on UTF-8 bytes and this on UTF-16, which names
/// the same text (a lone surrogate stands for invalid UTF-8). This file reads the pattern; the stack, factoring and
/// limits are in the other parts.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxRepeat = 1000;

    private readonly string whole;
    private readonly List<Regexp> stack = [];
    private ParseFlags flags;
    private int captures;

    private Parser(string pattern, ParseFlags initial)
    {
        whole = pattern;
        flags = initial;
    }

    /// <summary>The parse tree, or Go's error.</summary>
    public static (Node? Tree, RegexpError? Error) Parse(string pattern)
    {
        var (tree, error) = ParseGo(pattern);
        return tree is null ? (null, error) : (TreeReader.Read(tree), null);
    }

    /// <summary>
    /// Go's own parse tree (as <c>syntax.Parse</c> returns it), or Go's error; <c>regexp.Compile</c>'s Perl flags
    /// start with <see cref="ParseFlags.OneLine"/>, Go's parse tests with <see cref="ParseFlags.DotNewline"/> alone.
    /// </summary>
    public static (Regexp? Tree, RegexpError? Error) ParseGo(string pattern, ParseFlags initial = ParseFlags.OneLine)
    {
        try
        {
            return (new Parser(pattern, initial).Run(), null);
        }
        catch (ParseError e)
        {
            return (null, e.Error);
        }
    }

    private Regexp Run()
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
                    PushOp(Op.LeftParen).Cap = captures;
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
                    PushOp(flags.HasFlag(ParseFlags.OneLine) ? Op.BeginText : Op.BeginLine);
                    t++;
                    break;
                case '$':
                    if (flags.HasFlag(ParseFlags.OneLine))
                    {
                        PushOp(Op.EndText).Flags |= ParseFlags.WasDollar;
                    }
                    else
                    {
                        PushOp(Op.EndLine);
                    }

                    t++;
                    break;
                case '.':
                    PushOp(flags.HasFlag(ParseFlags.DotNewline) ? Op.AnyChar : Op.AnyCharNotNL);
                    t++;
                    break;
                case '[':
                    t = ParseClass(t);
                    break;
                case '*' or '+' or '?':
                    {
                        var before = t;
                        var op = s[t] switch { '*' => Op.Star, '+' => Op.Plus, _ => Op.Quest };
                        t = Repeat(op, 0, 0, before, t + 1, lastRepeat);
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

                        t = Repeat(Op.Repeat, min, max, before, after, lastRepeat);
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
        if (SwapVerticalBar())
        {
            stack.RemoveAt(stack.Count - 1);
        }

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
                    PushOp(Op.BeginText);
                    return t + 2;
                case 'b':
                    PushOp(Op.WordBoundary);
                    return t + 2;
                case 'B':
                    PushOp(Op.NoWordBoundary);
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
                    PushOp(Op.EndText);
                    return t + 2;
            }
        }

        // Go makes a class node for every other escape and gives it back when the escape is a single rune.
        var re = NewRegexp(Op.CharClass);
        re.Flags = flags;
        if (t + 1 < s.Length && s[t + 1] is 'p' or 'P')
        {
            var (set, rest) = ParseUnicodeClass(t);
            re.Rune = ClassRunes.FromSet(set);
            Push(re);
            return rest;
        }

        if (t + 1 < s.Length && NamedClasses.Perl(s[t + 1], out var perlNegated) is { } perl)
        {
            re.Rune = ClassRunes.FromSet(Class(perl, perlNegated));
            Push(re);
            return t + 2;
        }

        Reuse(re);
        var (r, after) = ParseEscape(t);
        Literal(r);
        return after;
    }

    // Go folds a class's members under (?i), then negates it.
    private RuneSet Class(RuneSet set, bool negated)
    {
        var members = flags.HasFlag(ParseFlags.FoldCase) ? CaseFolding.Fold(set) : set;
        return negated ? members.Negate() : members;
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
            var paren = PushOp(Op.LeftParen);
            paren.Cap = captures;
            paren.Name = name;
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
                        PushOp(Op.LeftParen);
                    }

                    flags = set;
                    return t;
            }

            break;
        }

        throw Fail(ErrorCodes.InvalidPerlOp, s[start..t]);

        static ParseFlags Apply(ParseFlags flags, ParseFlags flag, bool on) => on ? flags | flag : flags & ~flag;
    }


    // \p{Name}, \pN, \P{...}, \p{^...}
    private (RuneSet Set, int After) ParseUnicodeClass(int start)
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
        return inverted ? (negated ? set : set.Negate(), rest) : (Class(set, negated), rest);
    }

    private int ParseClass(int start)
    {
        var s = whole;
        var t = start + 1;
        var re = NewRegexp(Op.CharClass);
        re.Flags = flags;
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
                    ranges.AddRange(Class(posix, posixNegated).Ranges);
                    t = close + 2;
                    continue;
                }
            }

            if (s.Length - t >= 2 && s[t] == '\\' && s[t + 1] is 'p' or 'P')
            {
                var (set, rest) = ParseUnicodeClass(t);
                ranges.AddRange(set.Ranges);
                t = rest;
                continue;
            }

            if (s.Length - t >= 2 && s[t] == '\\' && NamedClasses.Perl(s[t + 1], out var perlNegated) is { } perl)
            {
                ranges.AddRange(Class(perl, perlNegated).Ranges);
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
        re.Rune = ClassRunes.FromSet(negated ? written.Negate() : written);
        Push(re);
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

    private sealed class ParseError(RegexpError error) : Exception(error.Message)
    {
        public RegexpError Error { get; } = error;
    }
}

using System.Globalization;
using System.Text;

namespace GoRegexpSyntax;

/// <summary>
/// Writes a parse tree as a .NET pattern that matches what RE2 matches: every construct spelled out so that .NET's
/// own readings do not apply (<c>$</c> never matches before a final newline, <c>\d \w \s \b</c> are ASCII, a class
/// or <c>.</c> takes a whole code point beyond U+FFFF, <c>(?i)</c> is Go's case folding written out as classes,
/// laziness from <c>(?U)</c> is explicit, captures are numbered groups only). Leftmost-first alternation and backtracking order are the same in both engines.
/// </summary>
internal static class DotNetPattern
{
    private const string AnyRune = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])";
    private const string AnyRuneButNewline = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n])";
    private const string WordChar = "[0-9A-Za-z_]";

    /// <summary>The .NET pattern for <paramref name="tree"/>.</summary>
    public static string Write(Node tree)
    {
        var sb = new StringBuilder();
        Write(tree, sb);
        return sb.ToString();
    }

    private static void Write(Node node, StringBuilder sb)
    {
        switch (node)
        {
            case LiteralNode { Fold: true } folded when CaseFolding.Orbit(folded.Rune).Count > 1:
                sb.Append(ClassPattern(RuneSet.Of(CaseFolding.Orbit(folded.Rune).Select(r => (r, r)))));
                break;
            case LiteralNode literal:
                AppendRune(sb, literal.Rune);
                break;
            case ClassNode set:
                sb.Append(ClassPattern(set.Runes));
                break;
            case AnyCharNode any:
                sb.Append(any.MatchesNewline ? AnyRune : AnyRuneButNewline);
                break;
            case AssertionNode assertion:
                sb.Append(assertion.Kind switch
                {
                    Assertion.BeginLine => "(?m:^)",
                    Assertion.EndLine => "(?m:$)",
                    Assertion.BeginText => @"\A",
                    Assertion.EndText => @"\z",
                    Assertion.WordBoundary => $"(?:(?<={WordChar})(?!{WordChar})|(?<!{WordChar})(?={WordChar}))",
                    _ => $"(?:(?<={WordChar})(?={WordChar})|(?<!{WordChar})(?!{WordChar}))",
                });
                break;
            case EmptyNode:
                sb.Append("(?:)");
                break;
            case RepeatNode repeat:
                sb.Append("(?:");
                Write(repeat.Sub, sb);
                sb.Append(')');
                sb.Append((repeat.Min, repeat.Max) switch
                {
                    (0, -1) => "*",
                    (1, -1) => "+",
                    (0, 1) when !repeat.Counted => "?",
                    (var min, -1) => "{" + min.ToString(CultureInfo.InvariantCulture) + ",}",
                    var (min, max) when min == max => "{" + min.ToString(CultureInfo.InvariantCulture) + "}",
                    var (min, max) => "{" + min.ToString(CultureInfo.InvariantCulture) + "," + max.ToString(CultureInfo.InvariantCulture) + "}",
                });
                if (repeat.Lazy)
                {
                    sb.Append('?');
                }

                break;
            case CaptureNode capture:
                sb.Append('(');
                Write(capture.Sub, sb);
                sb.Append(')');
                break;
            case ConcatNode concat:
                foreach (var sub in concat.Subs)
                {
                    Write(sub, sb);
                }

                break;
            case AlternateNode alternate:
                sb.Append("(?:");
                for (var i = 0; i < alternate.Subs.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('|');
                    }

                    Write(alternate.Subs[i], sb);
                }

                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException("unexpected node " + node.GetType().Name);
        }
    }

    // A set of code points as one class for the BMP (surrogates left out) and surrogate pairs for the rest.
    private static string ClassPattern(RuneSet set)
    {
        var bmp = new StringBuilder();
        var astral = new List<string>();
        foreach (var (lo, hi) in set.Ranges)
        {
            AppendBmp(bmp, lo, Math.Min(hi, 0xD7FF));
            AppendBmp(bmp, Math.Max(lo, 0xE000), Math.Min(hi, 0xFFFF));
            if (hi >= 0x10000)
            {
                AppendAstral(astral, Math.Max(lo, 0x10000), hi);
            }
        }

        var parts = new List<string>(astral);
        if (bmp.Length > 0)
        {
            parts.Add("[" + bmp + "]");
        }

        return parts.Count switch
        {
            0 => "(?!)",
            1 => parts[0],
            _ => "(?:" + string.Join("|", parts) + ")",
        };
    }

    private static void AppendBmp(StringBuilder sb, int lo, int hi)
    {
        if (lo > hi)
        {
            return;
        }

        sb.Append(Escape(lo));
        if (hi > lo)
        {
            sb.Append('-').Append(Escape(hi));
        }
    }

    // lo..hi (both beyond U+FFFF) as alternatives of a high surrogate (or a run of them) and a low surrogate range.
    private static void AppendAstral(List<string> parts, int lo, int hi)
    {
        var (loHigh, loLow) = Split(lo);
        var (hiHigh, hiLow) = Split(hi);
        if (loHigh == hiHigh)
        {
            parts.Add(Escape(loHigh) + "[" + Escape(loLow) + "-" + Escape(hiLow) + "]");
            return;
        }

        if (loLow != 0xDC00)
        {
            parts.Add(Escape(loHigh) + "[" + Escape(loLow) + @"-\uDFFF]");
            loHigh++;
        }

        var lastFull = hiLow == 0xDFFF ? hiHigh : hiHigh - 1;
        if (loHigh <= lastFull)
        {
            parts.Add("[" + Escape(loHigh) + "-" + Escape(lastFull) + @"][\uDC00-\uDFFF]");
        }

        if (hiLow != 0xDFFF)
        {
            parts.Add(Escape(hiHigh) + @"[\uDC00-" + Escape(hiLow) + "]");
        }

        static (int High, int Low) Split(int rune) => (0xD800 + ((rune - 0x10000) >> 10), 0xDC00 + ((rune - 0x10000) & 0x3FF));
    }

    private static void AppendRune(StringBuilder sb, int rune)
    {
        if (rune < 0x10000)
        {
            sb.Append(Escape(rune));
            return;
        }

        Span<char> pair = stackalloc char[2];
        new Rune(rune).EncodeToUtf16(pair);
        sb.Append(Escape(pair[0])).Append(Escape(pair[1]));
    }

    private static string Escape(int c) => @"\u" + c.ToString("X4", CultureInfo.InvariantCulture);
}

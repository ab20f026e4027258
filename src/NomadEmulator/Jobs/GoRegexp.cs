namespace Nomad.Emulator.Jobs;

/// <summary>
/// The syntax errors of Go's regexp.Compile (regexp/syntax) that a constraint's pattern most often hits, with Go's
/// text (<c>error parsing regexp: CODE: `EXPR`</c>): a trailing backslash, an unclosed character class, an unmatched
/// or unclosed parenthesis, a repetition operator with nothing to repeat and a repeated repetition (<c>a**</c>). Other RE2 refusals (Perl lookarounds,
/// back-references, <c>{n,m}</c> counts, bad escapes or ranges) are not detected: such a pattern is accepted here.
/// </summary>
internal static class GoRegexp
{
    /// <summary>Go's error text for <paramref name="pattern"/>, or null when none of the detected errors applies.</summary>
    public static string? CompileError(string pattern)
    {
        var depth = 0;
        var canRepeat = false;
        var repeatStart = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var lastRepeat = repeatStart;
            repeatStart = -1;
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return Error("trailing backslash at end of expression", "");
                    }
                    i++;
                    canRepeat = true;
                    break;
                case '[':
                    var close = ClassEnd(pattern, i);
                    if (close < 0)
                    {
                        return Error("missing closing ]", pattern[i..]);
                    }
                    i = close;
                    canRepeat = true;
                    break;
                case '(':
                    depth++;
                    canRepeat = false;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        // A flag group or a non-capturing/named group: skip its header.
                        var end = pattern.IndexOfAny([':', ')', '>'], i + 2);
                        if (end > 0 && pattern[end] == ')')
                        {
                            depth--;
                            i = end;
                        }
                        else if (end > 0)
                        {
                            i = end;
                        }
                    }
                    break;
                case ')':
                    if (depth == 0)
                    {
                        return Error("unexpected )", pattern);
                    }
                    depth--;
                    canRepeat = true;
                    break;
                case '|':
                    canRepeat = false;
                    break;
                case '*' or '+' or '?':
                    if (lastRepeat >= 0)
                    {
                        return Error("invalid nested repetition operator", pattern[lastRepeat..(i + 1)]);
                    }
                    if (!canRepeat)
                    {
                        return Error("missing argument to repetition operator", c.ToString());
                    }
                    repeatStart = i;
                    // A lazy marker after a repetition is part of it.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        i++;
                    }
                    break;
                default:
                    canRepeat = true;
                    break;
            }
        }
        return depth > 0 ? Error("missing closing )", pattern) : null;
    }

    private static string Error(string code, string expr) => $"error parsing regexp: {code}: `{expr}`";

    // The index of the ']' closing the class opened at start, or -1.
    private static int ClassEnd(string pattern, int start)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var end = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (end > 0)
                {
                    i = end + 1;
                }
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }
        return -1;
    }
}

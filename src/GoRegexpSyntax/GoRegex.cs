using System.Text;
using System.Text.RegularExpressions;

namespace GoRegexpSyntax;

/// <summary>
/// A pattern compiled as Go's <c>regexp.Compile</c> compiles it: refused with Go's error text when Go's parser
/// refuses it, else run by .NET's engine on a translation that matches as RE2 does.
/// </summary>
public sealed class GoRegex
{
    private readonly Regex regex;
    private readonly string?[] names;

    private GoRegex(Regex regex, string?[] names)
    {
        this.regex = regex;
        this.names = names;
    }

    /// <summary>Go's error for <paramref name="pattern"/>, or null when Go's <c>regexp.Compile</c> accepts it.</summary>
    public static RegexpError? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Parser.Parse(pattern).Error;
    }

    /// <summary>
    /// Compiles <paramref name="pattern"/>; throws <see cref="RegexpException"/> with Go's text when Go refuses it.
    /// </summary>
    public static GoRegex Compile(string pattern, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var (tree, error) = Parser.Parse(pattern);
        if (error is not null)
        {
            throw new RegexpException(error);
        }

        var names = new List<string?> { null };
        CollectNames(tree!, names);
        var regex = new Regex(DotNetPattern.Write(tree!), RegexOptions.CultureInvariant, matchTimeout);
        return new GoRegex(regex, [.. names]);
    }

    /// <summary>The .NET pattern this runs (for tests and diagnostics).</summary>
    public string DotNetPatternText => regex.ToString();

    /// <summary>
    /// Go's <c>ReplaceAllString</c>: every match replaced by <paramref name="template"/> expanded as Go's
    /// <c>Expand</c> does (<c>$1</c>, <c>${1}</c>, <c>$name</c>, <c>${name}</c>, <c>$$</c>); an empty match right
    /// after a previous match is not replaced.
    /// </summary>
    public string ReplaceAll(string input, string template)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(template);
        var sb = new StringBuilder();
        var lastMatchEnd = 0;
        var searchPos = 0;
        while (searchPos <= input.Length)
        {
            var match = regex.Match(input, searchPos);
            if (!match.Success)
            {
                break;
            }

            var end = match.Index + match.Length;
            sb.Append(input, lastMatchEnd, match.Index - lastMatchEnd);
            if (end > lastMatchEnd || match.Index == 0)
            {
                Expand(sb, template, match);
            }

            lastMatchEnd = end;
            var width = searchPos < input.Length ? (char.IsHighSurrogate(input[searchPos]) && searchPos + 1 < input.Length && char.IsLowSurrogate(input[searchPos + 1]) ? 2 : 1) : 0;
            if (searchPos + width > end)
            {
                searchPos += width;
            }
            else if (searchPos + 1 > end)
            {
                searchPos++;
            }
            else
            {
                searchPos = end;
            }
        }

        sb.Append(input, lastMatchEnd, input.Length - lastMatchEnd);
        return sb.ToString();
    }

    // Go's regexp.expand for one match.
    private void Expand(StringBuilder sb, string template, Match match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                break;
            }

            sb.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            if (!Extract(template, i, out var name, out var number, out var rest))
            {
                // Malformed: the $ is text.
                sb.Append('$');
                continue;
            }

            i = rest;
            if (number >= 0)
            {
                if (number < match.Groups.Count && match.Groups[number].Success)
                {
                    sb.Append(match.Groups[number].Value);
                }
            }
            else
            {
                for (var g = 1; g < names.Length; g++)
                {
                    if (names[g] == name && g < match.Groups.Count)
                    {
                        if (match.Groups[g].Success)
                        {
                            sb.Append(match.Groups[g].Value);
                        }

                        break;
                    }
                }
            }
        }

        sb.Append(template, i, template.Length - i);
    }

    // Go's regexp.extract: a name of letters, digits and _ (in braces or not) after a $; its number when it is one.
    private static bool Extract(string s, int start, out string name, out int number, out int rest)
    {
        name = "";
        number = -1;
        rest = start;
        var i = start;
        if (i >= s.Length)
        {
            return false;
        }

        var brace = s[i] == '{';
        if (brace)
        {
            i++;
        }

        var nameStart = i;
        while (i < s.Length)
        {
            Rune.DecodeFromUtf16(s.AsSpan(i), out var r, out var used);
            if (!Rune.IsLetter(r) && !Rune.IsDigit(r) && r.Value != '_')
            {
                break;
            }

            i += used;
        }

        if (i == nameStart)
        {
            return false;
        }

        name = s[nameStart..i];
        if (brace)
        {
            if (i >= s.Length || s[i] != '}')
            {
                return false;
            }

            i++;
        }

        number = 0;
        foreach (var c in name)
        {
            if (!char.IsAsciiDigit(c) || number >= 100_000_000)
            {
                number = -1;
                break;
            }

            number = (number * 10) + (c - '0');
        }

        if (name[0] == '0' && name.Length > 1)
        {
            number = -1;
        }

        rest = i;
        return true;
    }

    private static void CollectNames(Node node, List<string?> names)
    {
        switch (node)
        {
            case CaptureNode capture:
                while (names.Count <= capture.Index)
                {
                    names.Add(null);
                }

                names[capture.Index] = capture.Name;
                CollectNames(capture.Sub, names);
                break;
            case RepeatNode repeat:
                CollectNames(repeat.Sub, names);
                break;
            case ConcatNode concat:
                concat.Subs.ToList().ForEach(s => CollectNames(s, names));
                break;
            case AlternateNode alternate:
                alternate.Subs.ToList().ForEach(s => CollectNames(s, names));
                break;
        }
    }
}

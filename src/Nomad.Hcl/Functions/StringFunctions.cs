using System.Globalization;
using System.Text;
using GoRegexpSyntax;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>String functions of cty's stdlib as Nomad registers them.</summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["lower"] = StringToString(s => s.ToLowerInvariant());
        table["upper"] = StringToString(s => s.ToUpperInvariant());
        table["trimspace"] = StringToString(s => s.Trim());
        table["chomp"] = StringToString(s => s.EndsWith("\r\n", StringComparison.Ordinal) ? s[..^2] : s.EndsWith('\n') || s.EndsWith('\r') ? s[..^1] : s);
        table["strrev"] = StringToString(Reverse);

        // Nomad registers cty's string reverse under "reverse": reverse(list) is an error there.
        table["reverse"] = StringToString(Reverse);
        table["title"] = StringToString(Title);
        table["strlen"] = Of(a => HclValue.Number(new StringInfo(a[0].AsString()).LengthInTextElements), P("str", HclType.String));
        table["trim"] = Of(a => HclValue.String(a[0].AsString().Trim(a[1].AsString().ToCharArray())), P("str", HclType.String), P("cutset", HclType.String));
        table["trimprefix"] = Of(a => HclValue.String(a[0].AsString().StartsWith(a[1].AsString(), StringComparison.Ordinal) ? a[0].AsString()[a[1].AsString().Length..] : a[0].AsString()), P("str", HclType.String), P("prefix", HclType.String));
        table["trimsuffix"] = Of(a => HclValue.String(a[0].AsString().EndsWith(a[1].AsString(), StringComparison.Ordinal) ? a[0].AsString()[..^a[1].AsString().Length] : a[0].AsString()), P("str", HclType.String), P("suffix", HclType.String));
        table["indent"] = Of(a => HclValue.String(Indent(WholeNumber(a[0]), a[1].AsString())), P("spaces", HclType.Number), P("str", HclType.String));
        table["replace"] = Of(a => HclValue.String(Replace(a[0].AsString(), a[1].AsString(), a[2].AsString())), P("str", HclType.String), P("substr", HclType.String), P("replace", HclType.String));
        table["regex_replace"] = Of(a => HclValue.String(RegexReplace(a[0].AsString(), a[1].AsString(), a[2].AsString())), P("str", HclType.String), P("pattern", HclType.String), P("replace", HclType.String));
        table["split"] = Of(a => Strings(Split(a[1].AsString(), a[0].AsString())), P("separator", HclType.String), P("str", HclType.String));
        table["substr"] = Of(a => HclValue.String(Substr(a[0].AsString(), (int)Math.Clamp(WholeNumber(a[1]), int.MinValue, int.MaxValue), (int)Math.Clamp(WholeNumber(a[2]), int.MinValue, int.MaxValue))), P("str", HclType.String), P("offset", HclType.Number), P("length", HclType.Number));
        table["join"] = Variadic(Join, P("lists", HclType.List(HclType.String)), P("separator", HclType.String));
        table["format"] = Variadic(a => HclValue.String(Formatter.Format(a[0].AsString(), a.Skip(1).ToList())), P("args", HclType.Dynamic, allowNull: true), P("format", HclType.String));
        table["formatlist"] = Variadic(FormatList, P("args", HclType.Dynamic, allowNull: true), P("format", HclType.String));
    }

    // Go's strings.Split: an empty separator splits after each UTF-8 sequence (an empty string gives no elements).
    private static IEnumerable<string> Split(string text, string separator) =>
        separator.Length == 0 ? text.EnumerateRunes().Select(r => r.ToString()) : text.Split(separator);

    private static HclValue Join(IReadOnlyList<HclValue> args)
    {
        if (args.Count < 2)
        {
            throw new FunctionException("at least one list is required");
        }

        var items = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var elements = args[i].Elements;
            for (var e = 0; e < elements.Count; e++)
            {
                var element = elements[e];
                if (element.IsNull)
                {
                    throw new FunctionException(args.Count > 2 ? $"element {e} of list {i} is null; cannot concatenate null values" : $"element {e} is null; cannot concatenate null values", i);
                }

                items.Add(element.AsString());
            }
        }

        return HclValue.String(string.Join(args[0].AsString(), items));
    }

    private static HclValue FormatList(IReadOnlyList<HclValue> args)
    {
        var length = -1;
        var chooser = 0;
        for (var j = 1; j < args.Count; j++)
        {
            var arg = args[j];
            if (IsSequence(arg) && !arg.IsNull)
            {
                if (length >= 0 && length != arg.Elements.Count)
                {
                    throw new FunctionException($"argument {j} has length {arg.Elements.Count}, which is inconsistent with argument {chooser} of length {length}", j);
                }

                length = arg.Elements.Count;
                chooser = j;
            }
        }

        if (length < 0)
        {
            length = 1;
        }

        var results = new List<string>();
        for (var i = 0; i < length; i++)
        {
            try
            {
                results.Add(Formatter.Format(args[0].AsString(), [.. args.Skip(1).Select(a => IsSequence(a) && !a.IsNull ? a.Elements[i] : a)]));
            }
            catch (FunctionException e) when (args.Count > 1)
            {
                throw new FunctionException($"error on format iteration {i}: {e.Message}");
            }
        }

        return Strings(results);
    }

    private static string Reverse(string s)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }

        elements.Reverse();
        return string.Concat(elements);
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousLetter = false;
        foreach (var c in s)
        {
            sb.Append(!previousLetter && char.IsLetter(c) ? char.ToUpperInvariant(c) : c);
            previousLetter = char.IsLetter(c) || char.IsDigit(c) || c == '_' || c == '\'';
        }

        return sb.ToString();
    }

    private static string Replace(string str, string substr, string replacement)
    {
        // cty's replace is literal only; the /regex/ form is Terraform's, not Nomad's.
        return substr.Length == 0 ? str : str.Replace(substr, replacement, StringComparison.Ordinal);
    }

    private static string Indent(long spaces, string str) =>
        spaces < 0 ? throw Panic("strings: negative Repeat count")
        : str.Replace("\n", "\n" + new string(' ', (int)Math.Min(spaces, 1 << 20)), StringComparison.Ordinal);

    // regexp.Compile then ReplaceAllString, as cty's regex_replace: Go's parser decides (and words) what is refused.
    private static string RegexReplace(string str, string pattern, string replacement)
    {
        GoRegex regex;
        try
        {
            regex = GoRegex.Compile(pattern, TimeSpan.FromSeconds(1));
        }
        catch (RegexpException e)
        {
            throw new FunctionException(e.Message);
        }

        return regex.ReplaceAll(str, replacement);
    }

    private static string Substr(string str, int offset, int length)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(str);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }

        if (offset < 0)
        {
            // cty: a negative offset counts from the end; still negative, it starts at the beginning.
            offset = Math.Max(offset + elements.Count, 0);
        }

        if (offset > elements.Count)
        {
            return "";
        }

        var remaining = elements.Count - offset;
        if (length < 0 || length > remaining)
        {
            length = remaining;
        }

        return string.Concat(elements.Skip(offset).Take(length));
    }
}

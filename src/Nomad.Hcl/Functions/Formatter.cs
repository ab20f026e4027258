using System.Globalization;
using System.Text;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>cty's <c>format</c> verbs: %s %d %f %v %q %t %x %X %o %b %e %g %%, with width and precision.</summary>
internal static class Formatter
{
    public static string Format(string format, IReadOnlyList<HclValue> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        var highest = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }

            var j = i + 1;
            var flags = "";
            while (j < format.Length && "+- #0".Contains(format[j], StringComparison.Ordinal))
            {
                flags += format[j++];
            }

            j = ArgumentIndex(format, j, ref next);
            var widthStart = j;
            while (j < format.Length && char.IsAsciiDigit(format[j]))
            {
                j++;
            }

            var width = j > widthStart ? int.Parse(format[widthStart..j], CultureInfo.InvariantCulture) : -1;
            j = ArgumentIndex(format, j, ref next);
            var precision = -1;
            if (j < format.Length && format[j] == '.')
            {
                j++;
                var precisionStart = j;
                while (j < format.Length && char.IsAsciiDigit(format[j]))
                {
                    j++;
                }

                precision = j > precisionStart ? int.Parse(format[precisionStart..j], CultureInfo.InvariantCulture) : 0;
            }

            j = ArgumentIndex(format, j, ref next);
            if (j >= format.Length)
            {
                throw new FunctionException($"invalid format string starting at offset {Bytes(format, j)}");
            }

            var verb = format[j];
            if (!char.IsAsciiLetter(verb))
            {
                // cty's format scanner takes only an ASCII letter as a verb; anything else stops it where it stands.
                throw Unrecognized(format, j);
            }

            var raw = format[i..(j + 1)];
            var offset = i;
            i = j;
            if (next >= args.Count)
            {
                throw new FunctionException($"not enough arguments for {CryptoFunctions.GoQuote(raw)} at {Bytes(format, offset)}: need index {next + 1} but have {args.Count} total");
            }

            if (verb is not ('v' or 's' or 'q' or 't' or 'd' or 'f' or 'e' or 'g' or 'x' or 'X' or 'o' or 'b' or 'E' or 'G'))
            {
                throw new FunctionException($"unsupported format verb '{verb}' in {CryptoFunctions.GoQuote(raw)} at offset {Bytes(format, offset)}");
            }

            string text;
            highest = Math.Max(highest, next + 1);
            var numeric = verb is 'b' or 'd' or 'o' or 'x' or 'X' or 'e' or 'E' or 'f' or 'g' or 'G';
            try
            {
                text = numeric
                    ? NumberVerbs.Format(verb, Converter.Convert(NotNull(args[next++]), HclType.Number), flags, width, precision)
                    : Verb(verb, args[next++], precision, flags.Contains('#', StringComparison.Ordinal));
            }
            catch (ConversionException e)
            {
                throw new FunctionException($"unsupported value for {CryptoFunctions.GoQuote(raw)} at {Bytes(format, offset)}: {e.Message}");
            }
            catch (FunctionException e)
            {
                throw new FunctionException($"unsupported value for {CryptoFunctions.GoQuote(raw)} at {Bytes(format, offset)}: {e.Message}");
            }

            // cty's formatPadWidth for the other verbs: spaces (zeros with '0') to the width, on the right with '-'.
            if (!numeric && width > text.Length)
            {
                var pad = flags.Contains('0', StringComparison.Ordinal) ? '0' : ' ';
                text = flags.Contains('-', StringComparison.Ordinal) ? text.PadRight(width, pad) : text.PadLeft(width, pad);
            }

            sb.Append(text);
        }

        // The format string is argument 0 of format, so the first unused argument is next + 1.
        if (highest < args.Count)
        {
            throw new FunctionException(highest == 0 ? "too many arguments; no verbs in format string" : $"too many arguments; only {highest} used by format string", highest + 1);
        }

        return sb.ToString();
    }

    private static string Verb(char verb, HclValue value, int precision, bool sharp)
    {
        switch (verb)
        {
            case 'v':
                // %#v is always JSON; %v writes strings as they are and numbers as %g.
                return value.IsNull ? "null" : sharp ? JsonFunctions.Encode(value) : value.Type.Kind switch
                {
                    HclTypeKind.String => value.AsString(),
                    HclTypeKind.Number => NumberVerbs.Shortest(value),
                    HclTypeKind.Bool => value.AsBool() ? "true" : "false",
                    _ => JsonFunctions.Encode(value),
                };
            case 's':
                {
                    var s = Converter.Convert(NotNull(value), HclType.String).AsString();
                    return precision >= 0 && precision < s.Length ? new System.Globalization.StringInfo(s).SubstringByTextElements(0, Math.Min(precision, new System.Globalization.StringInfo(s).LengthInTextElements)) : s;
                }

            case 'q':
                return JsonFunctions.Encode(Converter.Convert(NotNull(value), HclType.String));
            case 't':
                return Converter.Convert(NotNull(value), HclType.Bool).AsBool() ? "true" : "false";
            default:
                throw new FunctionException($"unsupported format verb %{verb}");
        }
    }

    // %[n]: an explicit 1-based argument index (cty's format FSM), which the following verbs continue from.
    private static int ArgumentIndex(string format, int j, ref int next)
    {
        if (j >= format.Length || format[j] != '[')
        {
            return j;
        }

        j++;
        var indexStart = j;
        while (j < format.Length && char.IsAsciiDigit(format[j]))
        {
            if (j == indexStart && format[j] == '0')
            {
                throw new FunctionException($"unrecognized format character '0' at offset {Bytes(format, j)}");
            }

            j++;
        }

        if (j == indexStart || j >= format.Length || format[j] != ']')
        {
            throw j >= format.Length
                ? new FunctionException($"invalid format string starting at offset {Bytes(format, j)}")
                : Unrecognized(format, j);
        }

        next = int.Parse(format.AsSpan(indexStart, j - indexStart), CultureInfo.InvariantCulture) - 1;
        return j + 1;
    }

    // Go's precision on an integer verb: at least that many digits.
    private static HclValue NotNull(HclValue value) =>
        value.IsNull ? throw new FunctionException("null value cannot be formatted") : value;

    // cty's scanner counts offsets in bytes of the UTF-8 text.
    private static int Bytes(string format, int index) => Encoding.UTF8.GetByteCount(format.AsSpan(0, Math.Min(index, format.Length)));

    private static FunctionException Unrecognized(string format, int index)
    {
        var character = char.IsHighSurrogate(format[index]) && index + 1 < format.Length ? format.Substring(index, 2) : format[index].ToString();
        return new FunctionException($"unrecognized format character {CryptoFunctions.GoQuote(character).Replace('"', '\'')} at offset {Bytes(format, index)}");
    }
}

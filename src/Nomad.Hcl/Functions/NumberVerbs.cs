using System.Globalization;
using System.Numerics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>
/// cty's format verbs for numbers (formatAppendNumber): the value is converted to a number, then handed to Go's fmt
/// as a <c>*big.Int</c> (%b %d %o %x %X, whole numbers only) or a <c>*big.Float</c> (%e %E %f %g %G), whose Format
/// methods apply precision, sign flags and padding. Numbers keep cty's precision here (big.Float at 512 bits, exact
/// integers of any size), so <c>format("%d", 9007199254740993)</c> and <c>format("%.2e", 1/3)</c> are Nomad's.
/// </summary>
internal static class NumberVerbs
{
    /// <summary>The verb's text, sign and padding included.</summary>
    public static string Format(char verb, HclValue number, string flags, int width, int precision) =>
        verb is 'b' or 'd' or 'o' or 'x' or 'X'
            ? Integer(verb, number, flags, width, precision)
            : Float(verb, number, flags, width, precision);

    /// <summary>A number as <c>%v</c> writes it: big.Float.Text('g', -1) (<c>1e+06</c>, <c>9.007199254740993e+15</c>).</summary>
    public static string Shortest(HclValue number) =>
        number.IsInfinite ? (number.AsDouble() > 0 ? "+Inf" : "-Inf") : number.AsBinary().Format('g', -1);

    // big.Int.Format: sign, base prefix with '#', precision = minimum digits, then width ('-' wins over '0'; '0' only
    // without a precision).
    private static string Integer(char verb, HclValue number, string flags, int width, int precision)
    {
        if (!TryWhole(number, out var whole))
        {
            throw new FunctionException("an integer is required");
        }

        var magnitude = BigInteger.Abs(whole);
        var digits = verb switch
        {
            'd' => magnitude.ToString(CultureInfo.InvariantCulture),
            'x' => Based(magnitude, 16, "0123456789abcdef"),
            'X' => Based(magnitude, 16, "0123456789ABCDEF"),
            'o' => Based(magnitude, 8, "01234567"),
            _ => Based(magnitude, 2, "01"),
        };
        var sign = whole.Sign < 0 ? "-" : Has(flags, '+') ? "+" : Has(flags, ' ') ? " " : "";
        var prefix = !Has(flags, '#') ? "" : verb switch { 'x' => "0x", 'X' => "0X", 'o' => "0", 'b' => "0b", _ => "" };
        var zeros = 0;
        if (precision >= 0)
        {
            if (digits.Length < precision)
            {
                zeros = precision - digits.Length;
            }
            else if (digits == "0" && precision == 0)
            {
                return "";
            }
        }

        var length = sign.Length + prefix.Length + zeros + digits.Length;
        var left = 0;
        var right = 0;
        if (width > length)
        {
            if (Has(flags, '-'))
            {
                right = width - length;
            }
            else if (Has(flags, '0') && precision < 0)
            {
                zeros = width - length;
            }
            else
            {
                left = width - length;
            }
        }

        return new string(' ', left) + sign + prefix + new string('0', zeros) + digits + new string(' ', right);
    }

    // big.Float.Format: %e/%f default to 6 digits, %g without a precision is the shortest; the sign goes before
    // zero padding ('0' wins over '-', not for infinities).
    private static string Float(char verb, HclValue number, string flags, int width, int precision)
    {
        var value = number.AsDouble();
        string body;
        bool negative;
        var infinite = number.IsInfinite;
        if (infinite)
        {
            negative = value < 0;
            body = "Inf";
        }
        else
        {
            var binary = number.AsBinary();
            var text = binary.Format(verb, precision < 0 && verb is 'e' or 'E' or 'f' ? 6 : precision);
            negative = text.StartsWith('-');
            body = negative ? text[1..] : text;
        }

        var sign = negative ? "-" : infinite ? (Has(flags, ' ') ? " " : "+") : Has(flags, '+') ? "+" : Has(flags, ' ') ? " " : "";
        var padding = Math.Max(0, width - sign.Length - body.Length);
        if (Has(flags, '0') && !infinite)
        {
            return sign + new string('0', padding) + body;
        }

        return Has(flags, '-') ? sign + body + new string(' ', padding) : new string(' ', padding) + sign + body;
    }

    private static bool TryWhole(HclValue number, out BigInteger whole)
    {
        whole = BigInteger.Zero;
        if (number.IsInfinite)
        {
            return false;
        }

        var binary = number.AsBinary();
        if (!binary.IsInteger)
        {
            return false;
        }

        whole = binary.Truncate();
        return true;
    }

    private static string Based(BigInteger magnitude, int radix, string alphabet)
    {
        if (magnitude.IsZero)
        {
            return "0";
        }

        var chars = new List<char>();
        while (!magnitude.IsZero)
        {
            chars.Add(alphabet[(int)(magnitude % radix)]);
            magnitude /= radix;
        }

        chars.Reverse();
        return new string([.. chars]);
    }

    private static bool Has(string flags, char flag) => flags.Contains(flag, StringComparison.Ordinal);
}

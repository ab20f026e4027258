using System.Globalization;
using System.Numerics;
using System.Text;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// A binary floating-point number of a given precision, as Go's <c>big.Float</c> holds cty numbers: literals and
/// arithmetic results at 512 bits (rounded to nearest even), float64 results at 53. Value = <see cref="Mantissa"/>
/// × 2^<see cref="Exponent"/>. Used where a result is not an exact decimal, so that its text is cty's.
/// </summary>
internal sealed class BinaryFloat
{
    /// <summary>cty's precision for parsed numbers and arithmetic results.</summary>
    public const int CtyPrecision = 512;

    private BinaryFloat(BigInteger mantissa, int exponent, int precision, bool negative)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        Precision = precision;
        Negative = negative;
    }

    /// <summary>The magnitude's mantissa (never negative; zero for zero).</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The power of two the mantissa is scaled by.</summary>
    public int Exponent { get; }

    /// <summary>The precision in bits the value was rounded to.</summary>
    public int Precision { get; }

    /// <summary>The sign (also for zero: Go keeps -0).</summary>
    public bool Negative { get; }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => Mantissa.IsZero;

    /// <summary>Whether the value is a whole number.</summary>
    public bool IsInteger => Exponent >= 0 || Mantissa.IsZero || (Mantissa & ((BigInteger.One << -Exponent) - 1)).IsZero;

    /// <summary>A float64 exactly, at precision 53 (what cty's NumberFloatVal holds).</summary>
    public static BinaryFloat FromDouble(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            return new BinaryFloat(fraction, -1074, 53, negative);
        }

        return new BinaryFloat(fraction | (1L << 52), exponent - 1075, 53, negative);
    }

    /// <summary>An exact decimal rounded to cty's 512 bits.</summary>
    public static BinaryFloat FromDecimal(decimal value)
    {
        var parts = decimal.GetBits(value);
        var magnitude = new BigInteger((uint)parts[0]) | (new BigInteger((uint)parts[1]) << 32) | (new BigInteger((uint)parts[2]) << 64);
        var scale = (parts[3] >> 16) & 0xFF;
        return Round(magnitude, BigInteger.Pow(10, scale), 0, CtyPrecision, parts[3] < 0);
    }

    /// <summary>
    /// Decimal exponents up to this size are computed exactly; a literal beyond it that big.Float could still hold
    /// (e.g. <c>1e5000000</c>, millions of digits) is refused rather than computed (a listed difference).
    /// </summary>
    private const long ExactExponentLimit = 2_000_000;

    /// <summary>
    /// Parses a number literal as big.ParseFloat does, range included: false where Go reports "exponent overflow"
    /// (the binary exponent bitlen(digits) − fraction digits + exponent leaves big.Float's int32 range, or the
    /// exponent does not fit an int64); <paramref name="infinite"/> where the value passes big.Float's range after
    /// the power of five is applied (+Inf); zero where it falls below it.
    /// </summary>
    public static bool TryParse(string text, out BinaryFloat? value, out bool infinite)
    {
        value = null;
        infinite = false;
        var e = text.IndexOfAny(['e', 'E']);
        long exponent10 = 0;
        if (e >= 0 && !long.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent10))
        {
            return false;
        }

        var mantissaText = e < 0 ? text : text[..e];
        var negative = mantissaText.StartsWith('-');
        mantissaText = mantissaText.TrimStart('-', '+');
        var point = mantissaText.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent10 -= mantissaText.Length - point - 1;
            mantissaText = mantissaText.Remove(point, 1);
        }

        var digits = BigInteger.Parse(mantissaText.Length == 0 ? "0" : mantissaText, CultureInfo.InvariantCulture);
        if (digits.IsZero)
        {
            value = new BinaryFloat(BigInteger.Zero, 0, CtyPrecision, negative);
            return true;
        }

        var exponent2 = (long)digits.GetBitLength() + exponent10;
        if (exponent2 is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        // 10^e = 2^e × 5^e: the value's binary exponent is about exponent2 + e·log2(5).
        var magnitude = exponent2 + (exponent10 * Math.Log2(5));
        if (magnitude > int.MaxValue)
        {
            infinite = true;
            return true;
        }

        if (magnitude < int.MinValue)
        {
            value = new BinaryFloat(BigInteger.Zero, 0, CtyPrecision, negative);
            return true;
        }

        if (Math.Abs(exponent10) > ExactExponentLimit)
        {
            return false;
        }

        var exponent = (int)exponent10;
        value = exponent >= 0
            ? Round(digits * BigInteger.Pow(10, exponent), BigInteger.One, 0, CtyPrecision, negative)
            : Round(digits, BigInteger.Pow(10, -exponent), 0, CtyPrecision, negative);
        return true;
    }

    /// <summary>numerator / denominator × 2^exponent rounded to nearest even at <paramref name="precision"/> bits.</summary>
    private static BinaryFloat Round(BigInteger numerator, BigInteger denominator, int exponent, int precision, bool negative)
    {
        if (numerator.IsZero)
        {
            return new BinaryFloat(BigInteger.Zero, 0, precision, negative);
        }

        // Scale so the quotient has at least precision + 2 bits, then round the extra ones off.
        var shift = precision + 2 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        var n = shift >= 0 ? numerator << shift : numerator;
        var d = shift >= 0 ? denominator : denominator << -shift;
        var quotient = BigInteger.DivRem(n, d, out var remainder);
        var extra = (int)quotient.GetBitLength() - precision;
        var sticky = !remainder.IsZero;
        if (extra > 0)
        {
            var dropped = quotient & ((BigInteger.One << extra) - 1);
            var half = BigInteger.One << (extra - 1);
            quotient >>= extra;
            shift -= extra;
            var cmp = dropped.CompareTo(half);
            if (cmp > 0 || (cmp == 0 && (sticky || !quotient.IsEven)))
            {
                quotient += 1;
                if (quotient.GetBitLength() > precision)
                {
                    quotient >>= 1;
                    shift--;
                }
            }
        }

        return new BinaryFloat(quotient, exponent - shift, precision, negative);
    }

    private BigInteger Signed => Negative ? -Mantissa : Mantissa;

    /// <summary>cty's Add (and Subtract with <paramref name="subtract"/>): exact sum rounded to 512 bits.</summary>
    public static BinaryFloat Add(BinaryFloat a, BinaryFloat b, bool subtract)
    {
        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = (a.Signed << (a.Exponent - exponent)) + ((subtract ? -b.Signed : b.Signed) << (b.Exponent - exponent));
        return Round(BigInteger.Abs(sum), BigInteger.One, exponent, CtyPrecision, sum.Sign < 0);
    }

    /// <summary>cty's Multiply.</summary>
    public static BinaryFloat Multiply(BinaryFloat a, BinaryFloat b) =>
        Round(a.Mantissa * b.Mantissa, BigInteger.One, a.Exponent + b.Exponent, CtyPrecision, a.Negative != b.Negative);

    /// <summary>cty's Divide (the divisor is not zero).</summary>
    public static BinaryFloat Divide(BinaryFloat a, BinaryFloat b) =>
        Round(a.Mantissa, b.Mantissa, a.Exponent - b.Exponent, CtyPrecision, a.Negative != b.Negative);

    /// <summary>
    /// cty's Modulo away from zero and infinities: a − trunc(a ÷ b) × b, the quotient at 512 bits, the rest rounded
    /// to 512 bits at each step as big.Float does it.
    /// </summary>
    public static BinaryFloat Modulo(BinaryFloat a, BinaryFloat b)
    {
        var quotient = FromInteger(Divide(a, b).Truncate());
        return Add(a, Multiply(b, quotient), subtract: true);
    }

    /// <summary>The value negated (same precision).</summary>
    public BinaryFloat Negate() => new(Mantissa, Exponent, Precision, !Negative);

    /// <summary>Numeric comparison (-0 equals 0).</summary>
    public int CompareTo(BinaryFloat other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        return (Signed << (Exponent - exponent)).CompareTo(other.Signed << (other.Exponent - exponent));
    }

    /// <summary>The nearest double.</summary>
    public double ToDouble()
    {
        if (Mantissa.IsZero)
        {
            return Negative ? -0.0 : 0.0;
        }

        // Keep 64 significant bits (the lowest one sticky for what is dropped), then let the double conversion round.
        var length = (int)Mantissa.GetBitLength();
        var drop = Math.Max(0, length - 64);
        var kept = Mantissa >> drop;
        if (drop > 0 && !(Mantissa & ((BigInteger.One << drop) - 1)).IsZero)
        {
            kept |= BigInteger.One;
        }

        var top = (double)(ulong)kept;
        var value = Math.ScaleB(top, Exponent + drop);
        return Negative ? -value : value;
    }

    /// <summary>The value as an exact decimal when it is a whole number that fits one.</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0;
        if (!IsInteger || Mantissa.GetBitLength() + Math.Max(Exponent, 0) > 95)
        {
            return false;
        }

        var whole = Exponent >= 0 ? Mantissa << Exponent : Mantissa >> -Exponent;
        value = (decimal)whole;
        if (Negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Go's <c>big.Float.Text('f', -1)</c>: the shortest decimal that rounds back to this value at its precision.</summary>
    public string Text() => Format('f', -1);

    /// <summary>
    /// Go's <c>big.Float.Text(verb, precision)</c> for the verbs e, E, f, g and G (a negative precision asks for the
    /// shortest decimal that rounds back to this value, as <c>%v</c>/<c>%g</c> without a precision do). Decimal rounding
    /// is big's: half-way cases go to even, and a rounding position before the first digit leaves the digits as they are.
    /// </summary>
    public string Format(char verb, int precision)
    {
        var (digits, point) = Mantissa.IsZero ? ("", 0) : precision < 0 ? Shortest() : Digits(Mantissa, Exponent);
        var shortest = precision < 0;
        var lower = char.ToLowerInvariant(verb);
        if (shortest)
        {
            precision = lower switch
            {
                'e' => digits.Length - 1,
                'f' => Math.Max(digits.Length - point, 0),
                _ => digits.Length,
            };
        }
        else
        {
            if (lower == 'g' && precision == 0)
            {
                precision = 1;
            }

            (digits, point) = RoundDecimal(digits, point, lower switch { 'e' => 1 + precision, 'f' => point + precision, _ => precision });
        }

        var text = new StringBuilder(Negative ? "-" : "");
        if (lower == 'e')
        {
            AppendE(text, verb, precision, digits, point);
        }
        else if (lower == 'f')
        {
            AppendF(text, precision, digits, point);
        }
        else
        {
            var eprec = precision;
            if (eprec > digits.Length && digits.Length >= point)
            {
                eprec = digits.Length;
            }

            if (shortest)
            {
                eprec = 6;
            }

            var exp = point - 1;
            if (exp < -4 || exp >= eprec)
            {
                AppendE(text, verb == 'G' ? 'E' : 'e', Math.Min(precision, digits.Length) - 1, digits, point);
            }
            else
            {
                AppendF(text, Math.Max((precision > point ? digits.Length : precision) - point, 0), digits, point);
            }
        }

        return text.ToString();
    }

    /// <summary>The value's whole part (rounded toward zero), exactly.</summary>
    public BigInteger Truncate()
    {
        var whole = Exponent >= 0 ? Mantissa << Exponent : Mantissa >> -Exponent;
        return Negative ? -whole : whole;
    }

    /// <summary>A whole number held exactly (precision: its bit length, at least 64, as big.Float.SetInt).</summary>
    public static BinaryFloat FromInteger(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        return new BinaryFloat(magnitude, 0, Math.Max((int)magnitude.GetBitLength(), 64), value.Sign < 0);
    }

    // Go's roundShortest: the fewest digits that lie within half an ulp (at the value's precision) either side.
    private (string Digits, int Point) Shortest()
    {
        var (digits, point) = Digits(Mantissa, Exponent);
        var shift = (int)Mantissa.GetBitLength() - (Precision + 1);
        var halfUlps = shift < 0 ? Mantissa << -shift : Mantissa >> shift;
        var halfExponent = Exponent + shift;
        var (lower, _) = Digits(halfUlps - 1, halfExponent);
        var (upper, _) = Digits(halfUlps + 1, halfExponent);
        var inclusive = (halfUlps & 2).IsZero;
        for (var i = 0; i < digits.Length; i++)
        {
            var l = i < lower.Length ? lower[i] : '0';
            var u = i < upper.Length ? upper[i] : '0';
            var m = digits[i];
            var okDown = l != m || (inclusive && i + 1 == lower.Length);
            var okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.Length);
            if (okDown && okUp)
            {
                var roundUp = i + 1 < digits.Length && (digits[i + 1] > '5' || (digits[i + 1] == '5' && (i + 2 < digits.Length || (digits[i] - '0') % 2 == 1)));
                (digits, point) = roundUp ? RoundUp(digits, i + 1, point) : (digits[..(i + 1)], point);
                break;
            }

            if (okDown)
            {
                digits = digits[..(i + 1)];
                break;
            }

            if (okUp)
            {
                (digits, point) = RoundUp(digits, i + 1, point);
                break;
            }
        }

        digits = digits.TrimEnd('0');
        return (digits, digits.Length == 0 ? 0 : point);
    }

    // big's decimal.round(n): keep n digits, half-way to even; n outside the digits leaves them unchanged.
    private static (string Digits, int Point) RoundDecimal(string digits, int point, int n)
    {
        if (n < 0 || n >= digits.Length)
        {
            return (digits, point);
        }

        var up = digits[n] == '5' && n + 1 == digits.Length ? n > 0 && (digits[n - 1] - '0') % 2 == 1 : digits[n] >= '5';
        if (up)
        {
            return n == 0 ? ("1", point + 1) : RoundUp(digits, n, point);
        }

        var kept = digits[..n].TrimEnd('0');
        return (kept, kept.Length == 0 ? 0 : point);
    }

    // big's fmtF: the whole digits (zeros past the mantissa), then precision fraction digits.
    private static void AppendF(StringBuilder text, int precision, string digits, int point)
    {
        if (point > 0)
        {
            var m = Math.Min(digits.Length, point);
            text.Append(digits, 0, m).Append('0', point - m);
        }
        else
        {
            text.Append('0');
        }

        if (precision > 0)
        {
            text.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                var at = point + i - 1;
                text.Append(at >= 0 && at < digits.Length ? digits[at] : '0');
            }
        }
    }

    // big's fmtE: one digit, precision fraction digits, then the exponent with a sign and at least two digits.
    private static void AppendE(StringBuilder text, char verb, int precision, string digits, int point)
    {
        text.Append(digits.Length > 0 ? digits[0] : '0');
        if (precision > 0)
        {
            text.Append('.');
            var m = Math.Min(digits.Length, precision + 1);
            if (m > 1)
            {
                text.Append(digits, 1, m - 1);
            }

            text.Append('0', precision + 1 - Math.Max(m, 1));
        }

        var exp = digits.Length > 0 ? point - 1 : 0;
        text.Append(verb).Append(exp < 0 ? '-' : '+');
        if (Math.Abs(exp) < 10)
        {
            text.Append('0');
        }

        text.Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The exact decimal digits of mantissa × 2^exponent (trailing zeros trimmed) and the point's position.</summary>
    private static (string Digits, int Point) Digits(BigInteger mantissa, int exponent)
    {
        string digits;
        int point;
        if (exponent >= 0)
        {
            digits = BigIntegerText.Of(mantissa << exponent);
            point = digits.Length;
        }
        else
        {
            digits = BigIntegerText.Of(mantissa * BigInteger.Pow(5, -exponent));
            point = digits.Length + exponent;
        }

        return (digits.TrimEnd('0'), point);
    }

    private static (string Digits, int Point) RoundUp(string digits, int length, int point)
    {
        var chars = digits[..length].ToCharArray();
        var i = length - 1;
        while (i >= 0 && chars[i] == '9')
        {
            i--;
        }

        if (i < 0)
        {
            return ("1", point + 1);
        }

        chars[i]++;
        return (new string(chars, 0, i + 1), point);
    }
}

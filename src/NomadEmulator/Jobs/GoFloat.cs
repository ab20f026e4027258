using System.Globalization;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Go's <c>fmt.Sprintf("%v", float64)</c> (strconv.FormatFloat(f, 'g', -1, 64)): the shortest digits that read back
/// as the same double, in exponent form when the decimal exponent is below -4 or at least 6 (<c>1e+06</c>,
/// <c>1.5e-05</c>, <c>123456</c>). A driver config or scaling policy is a <c>map[string]interface{}</c>, so its
/// numbers are float64 when the server flattens them for a diff.
/// </summary>
internal static class GoFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var sign = value < 0 ? "-" : "";
        var exponent = point - 1;
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            var expSign = exponent < 0 ? '-' : '+';
            return $"{sign}{mantissa}e{expSign}{Math.Abs(exponent):00}";
        }
        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }
        return point >= digits.Length
            ? sign + digits + new string('0', point - digits.Length)
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    /// <summary>
    /// Go's <c>encoding/json</c> text of a float64 (floatEncoder): the shortest digits in plain form (<c>0.00001</c>,
    /// <c>100000000000000000000</c>), exponent form only below 1e-6 or from 1e21, with a one-digit negative exponent
    /// unpadded (<c>1e-7</c>, <c>1e+21</c>, <c>2.5e+22</c>); .NET would write <c>1E-05</c>, <c>1E+20</c>.
    /// NaN and infinities have no JSON text (Go's encoder fails on them).
    /// </summary>
    public static string Json(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no text for NaN or infinities");
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        var abs = Math.Abs(value);
        var (digits, point) = ShortestDigits(abs);
        var sign = value < 0 ? "-" : "";
        if (abs < 1e-6 || abs >= 1e21)
        {
            var exponent = point - 1;
            var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            var expSign = exponent < 0 ? '-' : '+';
            var expDigits = exponent is > -10 and < 0 ? $"{-exponent}" : $"{Math.Abs(exponent):00}";
            return $"{sign}{mantissa}e{expSign}{expDigits}";
        }
        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }
        return point >= digits.Length
            ? sign + digits + new string('0', point - digits.Length)
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    /// <summary>The shortest round-trip digits (no leading or trailing zeros) and the decimal point's place after the first.</summary>
    private static (string Digits, int Point) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        if (text.IndexOf('E') is var e and >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerDigits = dot < 0 ? text.Length : dot;
        var all = text.Replace(".", "", StringComparison.Ordinal);
        var point = integerDigits + exponent;
        var leading = all.Length - all.TrimStart('0').Length;
        all = all[leading..].TrimEnd('0');
        return (all, point - leading);
    }
}

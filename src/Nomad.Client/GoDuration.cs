using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nomad.Client;

/// <summary>
/// Go's duration syntax (<c>time.ParseDuration</c> / <c>Duration.String</c>), which Nomad uses in query strings
/// (<c>wait=5m</c>), lock TTLs (<c>"15s"</c>) and job files (<c>"1h30m"</c>). Written after Go's
/// <c>src/time/format.go</c> on int64 nanoseconds, as Go keeps durations, and tested against the tables of Go's
/// <c>src/time/time_test.go</c>; <see cref="TimeSpan"/> overloads round to whole ticks (100 ns).
/// </summary>
public static class GoDuration
{
    private const ulong OverflowLimit = 1UL << 63; // magnitude of the smallest int64

    private static readonly Dictionary<string, ulong> NanosecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00b5s"] = 1_000, // micro sign
        ["\u03bcs"] = 1_000, // Greek small letter mu
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,
    };

    /// <summary>
    /// Parses <c>"300ms"</c>, <c>"-1.5h"</c>, <c>"2h45m"</c>; <c>"0"</c> alone needs no unit. On failure
    /// <paramref name="error"/> is Go's message, e.g. <c>time: missing unit in duration "5"</c>.
    /// </summary>
    public static bool TryParseNanoseconds(string? text, out long nanoseconds, [NotNullWhen(false)] out string? error)
    {
        nanoseconds = 0;
        error = null;
        var original = text ?? "";
        var rest = original.AsSpan();
        var negative = false;
        if (rest.Length > 0 && (rest[0] == '-' || rest[0] == '+'))
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest.SequenceEqual("0"))
        {
            return true;
        }

        if (rest.Length == 0)
        {
            error = InvalidDuration(original);
            return false;
        }

        ulong sum = 0;
        while (rest.Length > 0)
        {
            if (rest[0] != '.' && !char.IsAsciiDigit(rest[0]))
            {
                error = InvalidDuration(original);
                return false;
            }

            var digits = CountDigits(rest);
            if (!TryReadInteger(rest[..digits], out var integer))
            {
                error = InvalidDuration(original);
                return false;
            }

            rest = rest[digits..];
            var hasFraction = false;
            ulong fraction = 0;
            var fractionScale = 1d;
            if (rest.Length > 0 && rest[0] == '.')
            {
                rest = rest[1..];
                var fractionDigits = CountDigits(rest);
                (fraction, fractionScale) = ReadFraction(rest[..fractionDigits]);
                hasFraction = fractionDigits > 0;
                rest = rest[fractionDigits..];
            }

            if (digits == 0 && !hasFraction)
            {
                error = InvalidDuration(original);
                return false;
            }

            var unitEnd = 0;
            while (unitEnd < rest.Length && rest[unitEnd] != '.' && !char.IsAsciiDigit(rest[unitEnd]))
            {
                unitEnd++;
            }

            if (unitEnd == 0)
            {
                error = "time: missing unit in duration " + Quote(original);
                return false;
            }

            var unitName = rest[..unitEnd].ToString();
            rest = rest[unitEnd..];
            if (!NanosecondsPerUnit.TryGetValue(unitName, out var unit))
            {
                error = "time: unknown unit " + Quote(unitName) + " in duration " + Quote(original);
                return false;
            }

            if (integer > OverflowLimit / unit)
            {
                error = InvalidDuration(original);
                return false;
            }

            var term = integer * unit;
            if (fraction > 0)
            {
                // As Go: float64 keeps fractions of an hour nanosecond-accurate.
                term += (ulong)(fraction * (unit / fractionScale));
                if (term > OverflowLimit)
                {
                    error = InvalidDuration(original);
                    return false;
                }
            }

            sum += term;
            if (sum > OverflowLimit)
            {
                error = InvalidDuration(original);
                return false;
            }
        }

        if (!negative && sum == OverflowLimit)
        {
            error = InvalidDuration(original);
            return false;
        }

        nanoseconds = negative ? (long)(0UL - sum) : (long)sum;
        return true;
    }

    /// <summary>Parses <c>"300ms"</c>, <c>"-1.5h"</c>, <c>"2h45m"</c> to the nearest whole tick; <c>"0"</c> alone needs no unit.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        var parsed = TryParseNanoseconds(text, out var nanoseconds, out _);
        value = parsed ? TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100m, MidpointRounding.ToEven)) : TimeSpan.Zero;
        return parsed;
    }

    /// <summary>Parses a duration or throws <see cref="FormatException"/> with Go's message naming the bad text.</summary>
    public static TimeSpan Parse(string text)
    {
        if (!TryParseNanoseconds(text, out var nanoseconds, out var error))
        {
            throw new FormatException(error);
        }

        return TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100m, MidpointRounding.ToEven));
    }

    /// <summary>Formats as Go's <c>Duration.String</c>: <c>"15s"</c>, <c>"1h30m0s"</c>, <c>"1.5s"</c>, <c>"1.1µs"</c>, <c>"0s"</c>.</summary>
    public static string FormatNanoseconds(long nanoseconds) =>
        Format(nanoseconds < 0, nanoseconds < 0 ? (UInt128)(-(Int128)nanoseconds) : (UInt128)nanoseconds);

    /// <summary>Formats as Go's <c>Duration.String</c>: <c>"15s"</c>, <c>"1h30m0s"</c>, <c>"1.5s"</c>, <c>"0s"</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var nanoseconds = (Int128)value.Ticks * 100;
        return Format(nanoseconds < 0, (UInt128)(nanoseconds < 0 ? -nanoseconds : nanoseconds));
    }

    private static string Format(bool negative, UInt128 magnitude)
    {
        var text = new StringBuilder();
        if (magnitude < 1_000_000_000)
        {
            if (magnitude == 0)
            {
                return "0s";
            }

            var (divisor, unit) = magnitude < 1_000 ? (1UL, "ns") : magnitude < 1_000_000 ? (1_000UL, "\u00b5s") : (1_000_000UL, "ms");
            text.Append(Decimal(magnitude, divisor)).Append(unit);
        }
        else
        {
            var totalSeconds = magnitude / 1_000_000_000;
            var hours = totalSeconds / 3600;
            var minutes = totalSeconds / 60 % 60;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (totalSeconds >= 60)
            {
                text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            text.Append(Decimal(magnitude % 60_000_000_000, 1_000_000_000)).Append('s');
        }

        return negative ? "-" + text : text.ToString();
    }

    // value / divisor with the remainder as a decimal fraction, trailing zeros (and a bare point) left out.
    private static string Decimal(UInt128 value, ulong divisor)
    {
        var whole = (value / divisor).ToString(CultureInfo.InvariantCulture);
        var remainder = value % divisor;
        if (remainder == 0)
        {
            return whole;
        }

        var width = divisor.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + remainder.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0').TrimEnd('0');
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }

    // Go's leadingInt: fails past 1<<63.
    private static bool TryReadInteger(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (value > OverflowLimit / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(digit - '0');
            if (value > OverflowLimit)
            {
                return false;
            }
        }

        return true;
    }

    // Go's leadingFraction: digits past int64 precision are read and dropped, never an error.
    private static (ulong Value, double Scale) ReadFraction(ReadOnlySpan<char> digits)
    {
        ulong value = 0;
        var scale = 1d;
        foreach (var digit in digits)
        {
            if (value > (OverflowLimit - 1) / 10)
            {
                break;
            }

            var next = (value * 10) + (ulong)(digit - '0');
            if (next > OverflowLimit)
            {
                break;
            }

            value = next;
            scale *= 10;
        }

        return (value, scale);
    }

    private static string InvalidDuration(string text) => "time: invalid duration " + Quote(text);

    // Go's time.quote: non-ASCII and control characters as \x escapes of their UTF-8 bytes.
    private static string Quote(string text)
    {
        var quoted = new StringBuilder().Append('"');
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b >= 0x80 || b < 0x20)
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    quoted.Append('\\');
                }

                quoted.Append((char)b);
            }
        }

        return quoted.Append('"').ToString();
    }
}

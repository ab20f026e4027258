using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nomad.Emulator;

/// <summary>
/// Go's duration syntax as Nomad reads and prints it: <c>time.ParseDuration</c> (query <c>wait=5m</c>, lock TTLs,
/// auth-method TTLs) and <c>Duration.String</c> (validation messages, JSON of lock TTLs), on int64 nanoseconds as Go
/// keeps them. The emulator's own, written after Go's <c>src/time/format.go</c> and tested against the tables of
/// Go's <c>src/time/time_test.go</c>, so a mistake in the client's copy cannot hide behind the same mistake here.
/// </summary>
internal static class GoDuration
{
    private const ulong Nanosecond = 1;
    private const ulong Microsecond = 1000 * Nanosecond;
    private const ulong Millisecond = 1000 * Microsecond;
    private const ulong Second = 1000 * Millisecond;
    private const ulong Minute = 60 * Second;
    private const ulong Hour = 60 * Minute;
    private const ulong Limit = 1UL << 63;

    // time.unitMap: "µs" is U+00B5 (micro sign), "μs" U+03BC (Greek mu).
    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = Nanosecond,
        ["us"] = Microsecond,
        ["\u00b5s"] = Microsecond,
        ["\u03bcs"] = Microsecond,
        ["ms"] = Millisecond,
        ["s"] = Second,
        ["m"] = Minute,
        ["h"] = Hour,
    };

    /// <summary>
    /// <c>time.ParseDuration</c>: <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c>, or <c>0</c> alone. On failure
    /// <paramref name="error"/> is Go's error text (<c>time: invalid duration "…"</c>, <c>time: missing unit in
    /// duration "…"</c>, <c>time: unknown unit "…" in duration "…"</c>).
    /// </summary>
    public static bool TryParse(string text, out long nanoseconds, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        error = null;
        var s = text.AsSpan();
        var negative = false;
        if (!s.IsEmpty && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            error = Invalid(text);
            return false;
        }

        ulong total = 0;
        while (!s.IsEmpty)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                error = Invalid(text);
                return false;
            }

            var before = s.Length;
            if (!LeadingInt(ref s, out var whole))
            {
                error = Invalid(text);
                return false;
            }

            var pre = before != s.Length;
            var post = false;
            ulong fraction = 0;
            var scale = 1.0;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                var afterPoint = s.Length;
                (fraction, scale) = LeadingFraction(ref s);
                post = afterPoint != s.Length;
            }

            if (!pre && !post)
            {
                error = Invalid(text);
                return false;
            }

            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = $"time: missing unit in duration {Quote(text)}";
                return false;
            }

            var unitText = s[..unitLength].ToString();
            s = s[unitLength..];
            if (!Units.TryGetValue(unitText, out var unit))
            {
                error = $"time: unknown unit {Quote(unitText)} in duration {Quote(text)}";
                return false;
            }

            if (whole > Limit / unit)
            {
                error = Invalid(text);
                return false;
            }

            whole *= unit;
            if (fraction > 0)
            {
                // Go uses float64 here to be nanosecond accurate for fractions of hours.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > Limit)
                {
                    error = Invalid(text);
                    return false;
                }
            }

            total += whole;
            if (total > Limit)
            {
                error = Invalid(text);
                return false;
            }
        }

        if (negative)
        {
            nanoseconds = unchecked(-(long)total);
            return true;
        }

        if (total > Limit - 1)
        {
            error = Invalid(text);
            return false;
        }

        nanoseconds = (long)total;
        return true;
    }

    /// <summary><see cref="TryParse(string, out long, out string?)"/> as a <see cref="TimeSpan"/> (whole ticks of 100 ns, rounded).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        if (text is null)
        {
            value = TimeSpan.Zero;
            return false;
        }

        var parsed = TryParse(text, out long nanoseconds, out _);
        value = parsed ? FromNanoseconds(nanoseconds) : TimeSpan.Zero;
        return parsed;
    }

    /// <summary>The <see cref="TimeSpan"/> nearest to <paramref name="nanoseconds"/>.</summary>
    public static TimeSpan FromNanoseconds(long nanoseconds) =>
        TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100m, MidpointRounding.ToEven));

    /// <summary><c>Duration.String</c>: <c>0s</c>, <c>1.1µs</c>, <c>2.2ms</c>, <c>4m5.001s</c>, <c>1h0m0s</c>.</summary>
    public static string Format(long nanoseconds)
    {
        var negative = nanoseconds < 0;
        var u = negative ? unchecked(0UL - (ulong)nanoseconds) : (ulong)nanoseconds;
        var buffer = new char[32];
        var w = buffer.Length;
        if (u < Second)
        {
            int precision;
            buffer[--w] = 's';
            w--;
            if (u == 0)
            {
                buffer[w] = '0';
                return new string(buffer, w, buffer.Length - w);
            }

            if (u < Microsecond)
            {
                precision = 0;
                buffer[w] = 'n';
            }
            else if (u < Millisecond)
            {
                precision = 3;
                buffer[w] = '\u00b5';
            }
            else
            {
                precision = 6;
                buffer[w] = 'm';
            }

            u = Fraction(buffer, ref w, u, precision);
            Integer(buffer, ref w, u);
        }
        else
        {
            buffer[--w] = 's';
            u = Fraction(buffer, ref w, u, 9);
            Integer(buffer, ref w, u % 60);
            u /= 60;
            if (u > 0)
            {
                buffer[--w] = 'm';
                Integer(buffer, ref w, u % 60);
                u /= 60;
                if (u > 0)
                {
                    buffer[--w] = 'h';
                    Integer(buffer, ref w, u);
                }
            }
        }

        if (negative)
        {
            buffer[--w] = '-';
        }

        return new string(buffer, w, buffer.Length - w);
    }

    /// <summary><see cref="Format(long)"/> of a <see cref="TimeSpan"/>.</summary>
    public static string Format(TimeSpan value) => Format(value.Ticks * 100);

    /// <summary>
    /// Go's <c>time.quote</c>: the text in double quotes, <c>"</c> and <c>\</c> escaped, every byte of a
    /// non-ASCII or control character as <c>\xNN</c> of its UTF-8.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder("\"");
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || rune.Value < ' ')
            {
                var length = rune.EncodeToUtf8(bytes);
                foreach (var b in bytes[..length])
                {
                    quoted.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                if (rune.Value is '"' or '\\')
                {
                    quoted.Append('\\');
                }

                quoted.Append((char)rune.Value);
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Invalid(string text) => $"time: invalid duration {Quote(text)}";

    // time.leadingInt: the leading [0-9]*; false on overflow past 1<<63.
    private static bool LeadingInt(ref ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (value > Limit / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(s[i] - '0');
            if (value > Limit)
            {
                return false;
            }
        }

        s = s[i..];
        return true;
    }

    // time.leadingFraction: the leading [0-9]* after a point; past int64 it stops adding precision instead of failing.
    private static (ulong Value, double Scale) LeadingFraction(ref ReadOnlySpan<char> s)
    {
        ulong value = 0;
        var scale = 1.0;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > (Limit - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = (value * 10) + (ulong)(s[i] - '0');
            if (next > Limit)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s[i..];
        return (value, scale);
    }

    // time.fmtFrac: the fraction of v/10^precision without trailing zeros (and without the point when it is 0).
    private static ulong Fraction(char[] buffer, ref int w, ulong v, int precision)
    {
        var print = false;
        for (var i = 0; i < precision; i++)
        {
            var digit = v % 10;
            print = print || digit != 0;
            if (print)
            {
                buffer[--w] = (char)('0' + (int)digit);
            }

            v /= 10;
        }

        if (print)
        {
            buffer[--w] = '.';
        }

        return v;
    }

    // time.fmtInt.
    private static void Integer(char[] buffer, ref int w, ulong v)
    {
        if (v == 0)
        {
            buffer[--w] = '0';
            return;
        }

        while (v > 0)
        {
            buffer[--w] = (char)('0' + (int)(v % 10));
            v /= 10;
        }
    }
}

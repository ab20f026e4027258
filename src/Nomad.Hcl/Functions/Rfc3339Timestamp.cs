using System.Globalization;

namespace Nomad.Hcl.Functions;

/// <summary>
/// cty's <c>parseTimestamp</c>: Go's <c>time.Parse(time.RFC3339, …)</c> rules (one-digit hours, any fraction, offsets
/// checked by cty afterwards), with Go's parse errors reworded as cty does ("cannot use "x" as month", "end of string
/// before year", "missing required time introducer 'T'", …).
/// </summary>
internal static class Rfc3339Timestamp
{
    private const string Prefix = "not a valid RFC3339 timestamp";

    /// <summary>The timestamp, and whether it was written with <c>Z</c>; throws cty's error text otherwise.</summary>
    public static DateTimeOffset Parse(string text, out bool utc)
    {
        if (GoParse(text, out var parts) is { } error)
        {
            throw new FunctionException(error);
        }

        // cty's parseStrictRFC3339: what Go's parser accepts but RFC 3339 does not.
        if (text[12] == ':')
        {
            throw new FunctionException(Describe("15", text[11..12], ": hour must have two digits"));
        }

        if (text.Length > 19 && text[19] == ',')
        {
            throw new FunctionException(Describe(".", ",", ": sub-second separator must be a period"));
        }

        if (text[^1] != 'Z' && (Digits2(text, text.Length - 5) >= 24 || Digits2(text, text.Length - 2) >= 60))
        {
            throw new FunctionException(Describe("Z07:00", text[^6..], ""));
        }

        utc = parts.Utc;
        var offset = TimeSpan.FromSeconds(parts.OffsetSeconds);
        return new DateTimeOffset(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second, offset).AddTicks(parts.Nanoseconds / 100);
    }

    private static int Digits2(string s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');

    private static string Describe(string layoutElement, string valueElement, string message)
    {
        if (layoutElement.Length == 0 && valueElement.Length == 0 && message.Length > 0)
        {
            return Prefix + message;
        }

        string what;
        switch (layoutElement)
        {
            case "2006": what = "year"; break;
            case "01": what = "month"; break;
            case "02": what = "day of month"; break;
            case "15": what = "hour"; break;
            case "04": what = "minute"; break;
            case "05": what = "second"; break;
            case "Z07:00": what = "UTC offset"; break;
            case "T": return Prefix + ": missing required time introducer 'T'";
            case ":" or "-":
                return valueElement.Length == 0
                    ? $"{Prefix}: end of string where \"{layoutElement}\" is expected"
                    : $"{Prefix}: found {CryptoFunctions.GoQuote(valueElement)} where \"{layoutElement}\" is expected";
            default: what = "timestamp segment"; break;
        }

        if (valueElement.Length == 0)
        {
            return $"{Prefix}: end of string before {what}";
        }

        return what switch
        {
            "hour" when valueElement.Contains(':', StringComparison.Ordinal) => Prefix + ": hour must be between 0 and 23 inclusive",
            "hour" when valueElement.Length != 2 => Prefix + ": hour must have exactly two digits",
            "minute" when valueElement.Length != 2 => Prefix + ": minute must have exactly two digits",
            _ => $"{Prefix}: cannot use {CryptoFunctions.GoQuote(valueElement)} as {what}",
        };
    }

    private readonly record struct Parts(int Year, int Month, int Day, int Hour, int Minute, int Second, long Nanoseconds, int OffsetSeconds, bool Utc);

    // Go's time.Parse walking the layout 2006-01-02T15:04:05Z07:00; on failure, the ParseError's LayoutElem,
    // ValueElem (what was left of the value) and Message, as cty words them; null when it parses.
    private static string? GoParse(string value, out Parts parts)
    {
        parts = default;
        var rest = value.AsSpan();

        // 2006
        if (rest.Length < 4 || !char.IsAsciiDigit(rest[0]))
        {
            return Fail("2006", rest);
        }

        var yearText = rest[..4];
        rest = rest[4..];
        if (yearText.ContainsAnyExceptInRange('0', '9'))
        {
            return Fail("2006", rest);
        }

        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (!Skip(ref rest, '-'))
        {
            return Fail("-", rest);
        }

        if (!GetNumber(ref rest, true, out var month))
        {
            return Fail("01", rest);
        }

        if (month is <= 0 or > 12)
        {
            return Fail("01", rest, "month");
        }

        if (!Skip(ref rest, '-'))
        {
            return Fail("-", rest);
        }

        if (!GetNumber(ref rest, true, out var day))
        {
            return Fail("02", rest);
        }

        if (!Skip(ref rest, 'T'))
        {
            return Fail("T", rest);
        }

        var hourOk = GetNumber(ref rest, false, out var hour);
        if (hour is < 0 or >= 24)
        {
            return Fail("15", rest, "hour");
        }

        if (!hourOk)
        {
            return Fail("15", rest);
        }

        if (!Skip(ref rest, ':'))
        {
            return Fail(":", rest);
        }

        var minuteOk = GetNumber(ref rest, true, out var minute);
        if (minute is < 0 or >= 60)
        {
            return Fail("04", rest, "minute");
        }

        if (!minuteOk)
        {
            return Fail("04", rest);
        }

        if (!Skip(ref rest, ':'))
        {
            return Fail(":", rest);
        }

        var secondOk = GetNumber(ref rest, true, out var second);
        if (second is < 0 or >= 60)
        {
            return Fail("05", rest, "second");
        }

        if (!secondOk)
        {
            return Fail("05", rest);
        }

        long nanoseconds = 0;
        if (rest.Length >= 2 && rest[0] is '.' or ',' && char.IsAsciiDigit(rest[1]))
        {
            var n = 2;
            while (n < rest.Length && char.IsAsciiDigit(rest[n]))
            {
                n++;
            }

            var digits = rest[1..Math.Min(n, 10)];
            nanoseconds = long.Parse(digits, CultureInfo.InvariantCulture);
            for (var i = digits.Length; i < 9; i++)
            {
                nanoseconds *= 10;
            }

            rest = rest[n..];
        }

        var utc = false;
        var offsetSeconds = 0;
        if (rest.Length >= 1 && rest[0] == 'Z')
        {
            rest = rest[1..];
            utc = true;
        }
        else
        {
            if (rest.Length < 6 || rest[3] != ':')
            {
                return Fail("Z07:00", rest);
            }

            var sign = rest[0];
            var hh = rest[1..3];
            var mm = rest[4..6];
            rest = rest[6..];
            if (!GetNumber(ref hh, true, out var offsetHours) || !GetNumber(ref mm, true, out var offsetMinutes) || sign is not ('+' or '-'))
            {
                return Fail("Z07:00", rest);
            }

            offsetSeconds = ((offsetHours * 60) + offsetMinutes) * 60 * (sign == '-' ? -1 : 1);
        }

        if (rest.Length != 0)
        {
            return Describe("", rest.ToString(), ": extra text: " + CryptoFunctions.GoQuote(rest.ToString()));
        }

        if (day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            return Describe("", "", ": day out of range");
        }

        parts = new Parts(year, month, day, hour, minute, second, nanoseconds, offsetSeconds, utc);
        return null;
    }

    private static string Fail(string layout, ReadOnlySpan<char> rest, string range = "") =>
        Describe(layout, rest.ToString(), range.Length == 0 ? "" : $": {range} out of range");

    private static bool Skip(ref ReadOnlySpan<char> rest, char expected)
    {
        if (rest.Length == 0 || rest[0] != expected)
        {
            return false;
        }

        rest = rest[1..];
        return true;
    }

    // Go's getnum: one or two digits (exactly two when fixed); the rest is left in place on failure.
    private static bool GetNumber(ref ReadOnlySpan<char> rest, bool fixedWidth, out int number)
    {
        number = 0;
        if (rest.Length == 0 || !char.IsAsciiDigit(rest[0]))
        {
            return false;
        }

        if (rest.Length < 2 || !char.IsAsciiDigit(rest[1]))
        {
            if (fixedWidth)
            {
                return false;
            }

            number = rest[0] - '0';
            rest = rest[1..];
            return true;
        }

        number = ((rest[0] - '0') * 10) + (rest[1] - '0');
        rest = rest[2..];
        return true;
    }
}

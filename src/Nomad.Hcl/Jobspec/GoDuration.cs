using System.Globalization;

namespace Nomad.Hcl.Jobspec;

/// <summary>Go's <c>time.ParseDuration</c>: "300ms", "-1.5h", "2h45m"; units ns, us, µs, ms, s, m, h.</summary>
internal static class GoDuration
{
    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = "";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = $"time: invalid duration \"{text}\"";
            return false;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == 0 || !decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"time: invalid duration \"{text}\"";
                return false;
            }

            s = s[i..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
            {
                u++;
            }

            var unit = s[..u];
            s = s[u..];
            decimal scale = unit switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => -1m,
            };
            if (unit.Length == 0)
            {
                error = $"time: missing unit in duration \"{text}\"";
                return false;
            }

            if (scale < 0)
            {
                error = $"time: unknown unit \"{unit}\" in duration \"{text}\"";
                return false;
            }

            total += amount * scale;
            if (total > long.MaxValue)
            {
                error = $"time: invalid duration \"{text}\"";
                return false;
            }
        }

        nanoseconds = (long)decimal.Truncate(negative ? -total : total);
        return true;
    }
}

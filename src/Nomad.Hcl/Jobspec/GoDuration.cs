using System.Text;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// Go's <c>time.ParseDuration</c> (time/format.go): "300ms", "-1.5h", "2h45m"; units ns, us, µs, μs, ms, s, m, h.
/// A port of its byte walk, so the errors read as Go's (<c>invalid duration</c>, <c>missing unit</c>, <c>unknown unit</c>)
/// with Go's <c>time.quote</c> (non-ASCII and control bytes as <c>\xNN</c>).
/// </summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = "";
        var bytes = Encoding.UTF8.GetBytes(text);
        var invalid = $"time: invalid duration {Quote(bytes)}";
        var p = 0;
        var negative = false;
        if (p < bytes.Length && bytes[p] is (byte)'-' or (byte)'+')
        {
            negative = bytes[p] == '-';
            p++;
        }

        if (bytes.Length - p == 1 && bytes[p] == '0')
        {
            return true;
        }

        if (p == bytes.Length)
        {
            error = invalid;
            return false;
        }

        ulong d = 0;
        while (p < bytes.Length)
        {
            if (!(bytes[p] == '.' || IsDigit(bytes[p])))
            {
                error = invalid;
                return false;
            }

            // [0-9]*
            var start = p;
            ulong v = 0;
            for (; p < bytes.Length && IsDigit(bytes[p]); p++)
            {
                if (v > Limit / 10)
                {
                    error = invalid;
                    return false;
                }

                v = (v * 10) + (ulong)(bytes[p] - '0');
                if (v > Limit)
                {
                    error = invalid;
                    return false;
                }
            }

            var pre = p != start;

            // (\.[0-9]*)?
            var post = false;
            ulong f = 0;
            var scale = 1.0;
            if (p < bytes.Length && bytes[p] == '.')
            {
                p++;
                var fractionStart = p;
                var overflow = false;
                for (; p < bytes.Length && IsDigit(bytes[p]); p++)
                {
                    if (overflow)
                    {
                        continue;
                    }

                    if (f > (Limit - 1) / 10)
                    {
                        overflow = true;
                        continue;
                    }

                    var y = (f * 10) + (ulong)(bytes[p] - '0');
                    if (y > Limit)
                    {
                        overflow = true;
                        continue;
                    }

                    f = y;
                    scale *= 10;
                }

                post = p != fractionStart;
            }

            if (!pre && !post)
            {
                error = invalid;
                return false;
            }

            var unitStart = p;
            while (p < bytes.Length && !(bytes[p] == '.' || IsDigit(bytes[p])))
            {
                p++;
            }

            if (p == unitStart)
            {
                error = $"time: missing unit in duration {Quote(bytes)}";
                return false;
            }

            var unitBytes = bytes[unitStart..p];
            ulong unit = Encoding.UTF8.GetString(unitBytes) switch
            {
                "ns" => 1UL,
                "us" or "µs" or "μs" => 1_000UL,
                "ms" => 1_000_000UL,
                "s" => 1_000_000_000UL,
                "m" => 60_000_000_000UL,
                "h" => 3_600_000_000_000UL,
                _ => 0UL,
            };
            if (unit == 0)
            {
                error = $"time: unknown unit {Quote(unitBytes)} in duration {Quote(bytes)}";
                return false;
            }

            if (v > Limit / unit)
            {
                error = invalid;
                return false;
            }

            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Limit)
                {
                    error = invalid;
                    return false;
                }
            }

            d += v;
            if (d > Limit)
            {
                error = invalid;
                return false;
            }
        }

        if (negative)
        {
            nanoseconds = unchecked(-(long)d);
            return true;
        }

        if (d > Limit - 1)
        {
            error = invalid;
            return false;
        }

        nanoseconds = (long)d;
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';


    /// <summary>Go's <c>time.quote</c>: double quotes, <c>"</c> and <c>\</c> escaped, bytes of control and non-ASCII characters as <c>\xNN</c>.</summary>
    private static string Quote(byte[] bytes)
    {
        var sb = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            if (b >= 0x80 || b < (byte)' ')
            {
                sb.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    sb.Append('\\');
                }

                sb.Append((char)b);
            }
        }

        return sb.Append('"').ToString();
    }
}

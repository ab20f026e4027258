using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The error texts of Go's <c>net/netip.ParsePrefix</c> and <c>ParseAddr</c> as current Go words them (netip.go read at
/// golang/go d7a0c45, Go 1.24 or later; Nomad pins Go 1.26.5):
/// a prefix's bits refuse a sign or a leading zero, an IPv6 group holds at most 4 digits, and an embedded IPv4 address
/// reports its own error against the whole address. (Go 1.19 accepted <c>/08</c>, <c>/+8</c> and <c>00001::</c> and
/// nested the embedded IPv4 error.)
/// </summary>
internal static class GoNetip
{
    /// <summary>The error of <c>netip.ParsePrefix(text)</c>, or null when Go accepts the prefix.</summary>
    public static string? ParsePrefixError(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0)
        {
            return PrefixError(text, "no '/'");
        }
        var address = text[..slash];
        var (addressError, isIpv6, hasZone) = ParseAddr(address);
        if (addressError is not null)
        {
            return PrefixError(text, addressError);
        }
        if (isIpv6 && hasZone)
        {
            return PrefixError(text, "IPv6 zones cannot be present in a prefix");
        }
        var bitsText = text[(slash + 1)..];
        // strconv.Atoi accepts a sign and leading zeros; ParsePrefix refuses them first.
        if ((bitsText.Length > 1 && bitsText[0] is < '1' or > '9') || !long.TryParse(bitsText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            // A run of digits too long for Go's 64-bit int is Atoi's range error, still "bad bits".
            return PrefixError(text, "bad bits after slash: " + GoQuote(bitsText));
        }
        return bits < 0 || bits > (isIpv6 ? 128 : 32) ? PrefixError(text, "prefix length out of range") : null;
    }

    private static string PrefixError(string text, string message) => $"netip.ParsePrefix({GoQuote(text)}): {message}";

    private static string AddrError(string input, string message, string at = "") =>
        at.Length > 0 ? $"ParseAddr({GoQuote(input)}): {message} (at {GoQuote(at)})" : $"ParseAddr({GoQuote(input)}): {message}";

    // ParseAddr: the first '.', ':' or '%' decides the family.
    private static (string? Error, bool IsIpv6, bool HasZone) ParseAddr(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '.':
                    return (Ipv4Fields(text, 0, text.Length), false, false);
                case ':':
                    return Ipv6(text);
                case '%':
                    return (AddrError(text, "missing IPv6 address"), false, false);
            }
        }
        return (AddrError(text, "unable to parse IP"), false, false);
    }

    // parseIPv4Fields over input[start..end]: errors name the whole input, "at" the rest of the IPv4 part.
    private static string? Ipv4Fields(string input, int start, int end)
    {
        var s = input[start..end];
        int value = 0, position = 0, digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (digits == 1 && value == 0)
                {
                    return AddrError(input, "IPv4 field has octet with leading zero");
                }
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return AddrError(input, "IPv4 field has value >255");
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.')
                {
                    return AddrError(input, "IPv4 field must have at least one digit", s[i..]);
                }
                if (position == 3)
                {
                    return AddrError(input, "IPv4 address too long");
                }
                position++;
                value = 0;
                digits = 0;
            }
            else
            {
                return AddrError(input, "unexpected character", s[i..]);
            }
        }
        return position < 3 ? AddrError(input, "IPv4 address too short") : null;
    }

    // parseIPv6: groups of at most 4 hex digits, one "::", an embedded IPv4 in the last 32 bits, an optional zone.
    private static (string? Error, bool IsIpv6, bool HasZone) Ipv6(string input)
    {
        var s = input;
        var zone = "";
        var percent = s.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            zone = s[(percent + 1)..];
            s = s[..percent];
            if (zone.Length == 0)
            {
                return (AddrError(input, "zone must be a non-empty string"), true, false);
            }
        }
        var hasZone = zone.Length > 0;
        string? Fail(string message, string at = "") => AddrError(input, message, at);

        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                return (null, true, hasZone);
            }
        }
        var i = 0;
        while (i < 16)
        {
            var offset = 0;
            var accumulator = 0;
            for (; offset < s.Length; offset++)
            {
                var digit = HexValue(s[offset]);
                if (digit < 0)
                {
                    break;
                }
                accumulator = (accumulator << 4) + digit;
                if (offset > 3)
                {
                    return (Fail("each group must have 4 or less digits", s), true, hasZone);
                }
                if (accumulator > ushort.MaxValue)
                {
                    return (Fail("IPv6 field has value >=2^16", s), true, hasZone);
                }
            }
            if (offset == 0)
            {
                return (Fail("each colon-separated field must have at least one digit", s), true, hasZone);
            }
            if (offset < s.Length && s[offset] == '.')
            {
                if (ellipsis < 0 && i != 12)
                {
                    return (Fail("embedded IPv4 address must replace the final 2 fields of the address", s), true, hasZone);
                }
                if (i + 4 > 16)
                {
                    return (Fail("too many hex fields to fit an embedded IPv4 at the end of the address", s), true, hasZone);
                }
                var end = input.Length - (hasZone ? zone.Length + 1 : 0);
                if (Ipv4Fields(input, end - s.Length, end) is { } ipv4Error)
                {
                    return (ipv4Error, true, hasZone);
                }
                s = "";
                i += 4;
                break;
            }
            i += 2;
            s = s[offset..];
            if (s.Length == 0)
            {
                break;
            }
            if (s[0] != ':')
            {
                return (Fail("unexpected character, want colon", s), true, hasZone);
            }
            if (s.Length == 1)
            {
                return (Fail("colon must be followed by more characters", s), true, hasZone);
            }
            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return (Fail("multiple :: in address", s), true, hasZone);
                }
                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }
        if (s.Length != 0)
        {
            return (Fail("trailing garbage after address", s), true, hasZone);
        }
        if (i < 16 && ellipsis < 0)
        {
            return (Fail("address string too short"), true, hasZone);
        }
        if (i >= 16 && ellipsis >= 0)
        {
            return (Fail("the :: must expand to at least one field of zeros"), true, hasZone);
        }
        return (null, true, hasZone);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}

using System.Text;

namespace Nomad.Hcl.Functions;

/// <summary>One PEM block as Go's <c>encoding/pem.Decode</c> finds it: the first well-formed block in the text.</summary>
internal sealed record PemBlock(string Type, IReadOnlyDictionary<string, string> Headers, byte[] Bytes)
{
    private const string Begin = "-----BEGIN ";
    private const string Dashes = "-----";

    /// <summary>The first decodable block, or null (Go skips malformed blocks and keeps searching).</summary>
    public static PemBlock? Decode(string text)
    {
        var searchFrom = 0;
        while (true)
        {
            var start = text.IndexOf(Begin, searchFrom, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            // Go accepts BEGIN only at the start of the text or of a line.
            searchFrom = start + Begin.Length;
            if (start > 0 && text[start - 1] != '\n')
            {
                continue;
            }

            if (TryParse(text, searchFrom) is { } block)
            {
                return block;
            }
        }
    }

    private static PemBlock? TryParse(string text, int afterBegin)
    {
        var (typeLine, rest) = NextLine(text, afterBegin);
        if (!typeLine.EndsWith(Dashes, StringComparison.Ordinal))
        {
            return null;
        }

        var type = typeLine[..^Dashes.Length];
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (rest < text.Length)
        {
            var (line, next) = NextLine(text, rest);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                break;
            }

            headers[line[..colon].Trim(' ', '\t')] = line[(colon + 1)..].Trim(' ', '\t');
            rest = next;
        }

        var end = "-----END " + type + Dashes;
        int bodyEnd;
        if (headers.Count == 0 && string.CompareOrdinal(text, rest, "-----END ", 0, 9) == 0)
        {
            bodyEnd = rest;
        }
        else
        {
            var endAt = text.IndexOf("\n-----END ", rest, StringComparison.Ordinal);
            if (endAt < 0)
            {
                return null;
            }

            bodyEnd = endAt + 1;
        }

        if (string.CompareOrdinal(text, bodyEnd, end, 0, end.Length) != 0)
        {
            return null;
        }

        var body = new StringBuilder();
        foreach (var c in text.AsSpan(rest, bodyEnd - rest))
        {
            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                body.Append(c);
            }
        }

        try
        {
            return new PemBlock(type, headers, Convert.FromBase64String(body.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // A line without its end-of-line (and trailing spaces, as Go's getLine), and where the next one starts.
    private static (string Line, int Next) NextLine(string text, int from)
    {
        var newline = text.IndexOf('\n', from);
        var next = newline < 0 ? text.Length : newline + 1;
        var line = text[from..(newline < 0 ? text.Length : newline)].TrimEnd(' ', '\t', '\r');
        return (line, next);
    }
}

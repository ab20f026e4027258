namespace Nomad.Emulator.Jobs;

/// <summary>The parts of Go's <c>net/url.Parse</c> a check path needs: whether it parses, and its scheme.</summary>
internal static class GoUrl
{
    /// <summary>
    /// The scheme Go's url.Parse finds ("" for a relative reference), or null when Go refuses the text: a control
    /// character, a leading ':' ("missing protocol scheme"), a colon in the first segment of a relative path, or a
    /// bad %-escape in the path or fragment. The authority of a "//host" reference is not checked.
    /// </summary>
    public static string? Scheme(string text)
    {
        if (text.Any(c => c < 0x20 || c == 0x7f))
        {
            return null;
        }
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && !ValidEscapes(text[(hash + 1)..]))
        {
            return null;
        }
        var rest = hash >= 0 ? text[..hash] : text;
        var scheme = "";
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }
            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }
                continue;
            }
            if (c == ':')
            {
                if (i == 0)
                {
                    return null;
                }
                scheme = rest[..i];
                rest = rest[(i + 1)..];
            }
            break;
        }
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            rest = rest[..question];
        }
        if (scheme.Length > 0 && !rest.StartsWith('/'))
        {
            return scheme;
        }
        if (scheme.Length == 0 && !rest.StartsWith('/'))
        {
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if ((slash < 0 ? rest : rest[..slash]).Contains(':', StringComparison.Ordinal))
            {
                return null;
            }
        }
        return ValidEscapes(rest) ? scheme : null;
    }

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                continue;
            }
            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return false;
            }
            i += 2;
        }
        return true;
    }
}

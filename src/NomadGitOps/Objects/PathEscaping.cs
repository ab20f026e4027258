using System.Text;

namespace NomadGitOps.Objects;

/// <summary>
/// Reversible escaping of any text (a job ID, a namespace, a name) into one segment of a Nomad variable
/// path, whose alphabet is <c>[a-zA-Z0-9-_~/]</c>. Letters, digits, <c>-</c> and <c>_</c> stay as they are;
/// every other character becomes <c>~</c> plus two lowercase hex digits per UTF-8 byte (<c>.</c> →
/// <c>~2e</c>, <c>/</c> → <c>~2f</c>, <c>~</c> → <c>~7e</c>, <c>é</c> → <c>~c3~a9</c>). Each text has
/// exactly one escaped form, so unescaping accepts only that form.
/// </summary>
internal static class PathEscaping
{
    /// <summary>The escape character.</summary>
    public const char EscapeChar = '~';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True for the characters that stand for themselves in an escaped segment.</summary>
    public static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>Escapes <paramref name="text"/> into one path segment (no <c>/</c> in the result).</summary>
    /// <exception cref="ArgumentException">The text is not valid UTF-16 (a lone surrogate).</exception>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(IsPlain))
        {
            return text;
        }

        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The text holds a lone surrogate and cannot be escaped.", nameof(text), e);
        }

        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            if (b < 0x80 && IsPlain((char)b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(EscapeChar).Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xf));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reverses <see cref="Escape"/>; false when <paramref name="segment"/> is not the escaped form of any
    /// text (a stray character, uppercase or missing hex digits, invalid UTF-8, or a needless escape such as <c>~41</c>).
    /// </summary>
    public static bool TryUnescape(string segment, out string text)
    {
        ArgumentNullException.ThrowIfNull(segment);
        text = "";
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (IsPlain(c))
            {
                bytes.Add((byte)c);
                continue;
            }

            if (c != EscapeChar || i + 2 >= segment.Length)
            {
                return false;
            }

            var high = HexValue(segment[i + 1]);
            var low = HexValue(segment[i + 2]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            bytes.Add((byte)((high << 4) | low));
            i += 2;
        }

        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (!string.Equals(Escape(decoded), segment, StringComparison.Ordinal))
        {
            return false;
        }

        text = decoded;
        return true;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}

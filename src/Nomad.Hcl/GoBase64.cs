using System.Text;

namespace Nomad.Hcl;

/// <summary>
/// Go's <c>base64.StdEncoding.Decode</c> as far as its error goes (encoding/base64 <c>decodeQuantum</c>, not strict):
/// quanta of four alphabet bytes, <c>\r</c> and <c>\n</c> skipped anywhere, <c>=</c> padding only in the third or
/// fourth place of the last quantum, then only newlines. The error is <c>CorruptInputError</c> with a byte offset of
/// the UTF-8 text.
/// </summary>
public static class GoBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Go's error text (<c>illegal base64 data at input byte N</c>), or null when the text decodes.</summary>
    public static string? DecodeError(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CorruptOffset(Encoding.UTF8.GetBytes(text)) is { } offset ? $"illegal base64 data at input byte {offset}" : null;
    }

    private static long? CorruptOffset(byte[] src)
    {
        var si = 0;
        while (si < src.Length)
        {
            var (next, error) = Quantum(src, si);
            if (error is not null)
            {
                return error;
            }

            si = next;
        }

        return null;
    }

    private static (int Next, long? Error) Quantum(byte[] src, int si)
    {
        for (var j = 0; j < 4; j++)
        {
            if (si == src.Length)
            {
                // j == 0 ends cleanly; with padding (StdEncoding) a short quantum is corrupt at its start.
                return j == 0 ? (si, null) : (si, si - j);
            }

            var input = src[si];
            si++;
            if (input < 0x80 && Alphabet.Contains((char)input, StringComparison.Ordinal))
            {
                continue;
            }

            if (input is (byte)'\n' or (byte)'\r')
            {
                j--;
                continue;
            }

            if (input != (byte)'=')
            {
                return (si, si - 1);
            }

            // We've reached the end and there's padding.
            switch (j)
            {
                case 0 or 1:
                    return (si, si - 1);
                case 2:
                    // "==" is expected, the first "=" is already consumed.
                    while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                    {
                        si++;
                    }

                    if (si == src.Length)
                    {
                        return (si, src.Length);
                    }

                    if (src[si] != (byte)'=')
                    {
                        return (si, si - 1);
                    }

                    si++;
                    break;
                default:
                    break;
            }

            while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
            {
                si++;
            }

            // Trailing garbage after the padding.
            return si < src.Length ? (si, si) : (si, null);
        }

        return (si, null);
    }
}

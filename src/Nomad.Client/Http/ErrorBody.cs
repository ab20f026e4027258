using System.Text;

namespace Nomad.Client;

/// <summary>
/// Reads an error answer's text, at most <see cref="Limit"/> bytes of it: Nomad's error bodies are one line
/// (<c>Permission denied</c>, <c>No cluster leader</c>), and a proxy's error page or a misrouted answer must not be
/// buffered whole. The rest of the body is left unread (the connection is then not reused).
/// </summary>
internal static class ErrorBody
{
    /// <summary>How many bytes of an error body are kept.</summary>
    public const int Limit = 8 * 1024;

    /// <summary>The body's text, trimmed; cut at <see cref="Limit"/> bytes with <c>…</c> appended when longer.</summary>
    public static async Task<string> ReadAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Limit + 1];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length <= Limit)
            {
                return Encoding.UTF8.GetString(buffer, 0, length).Trim();
            }

            // Cut on a character boundary: drop a trailing partial UTF-8 sequence.
            var cut = Limit;
            while (cut > 0 && (buffer[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            return Encoding.UTF8.GetString(buffer, 0, cut).Trim() + "…";
        }
    }
}

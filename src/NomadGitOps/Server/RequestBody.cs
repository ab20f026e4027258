using Microsoft.AspNetCore.Http;

namespace NomadGitOps.Server;

/// <summary>A request body read within a size limit and a time limit.</summary>
/// <param name="Status"><c>200</c> when read; <c>413</c> over the limit; <c>408</c> too slow.</param>
/// <param name="Bytes">The body (empty unless read).</param>
/// <param name="Problem">A sentence for the client unless read.</param>
internal sealed record RequestBody(int Status, byte[] Bytes, string? Problem)
{
    /// <summary>
    /// Reads the body of <paramref name="request"/>: refused with <c>413</c> as soon as its <c>Content-Length</c> or the
    /// bytes sent pass <paramref name="maxBytes"/> (the rest is never buffered), <c>408</c> when it takes longer than
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, long maxBytes, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = new RequestBody(StatusCodes.Status413PayloadTooLarge, [], $"The body is larger than {maxBytes} bytes (NOMAD_GITOPS_WEBHOOK_MAX_BYTES).");
        if (request.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, limit.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return tooLarge;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new RequestBody(StatusCodes.Status408RequestTimeout, [], $"The body took longer than {timeout.TotalSeconds:0} s to arrive.");
        }
        catch (BadHttpRequestException e)
        {
            return new RequestBody(e.StatusCode, [], e.Message);
        }

        return new RequestBody(StatusCodes.Status200OK, buffer.ToArray(), null);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Http;

/// <summary>
/// How Nomad answers: errors as plain text with their status code (<c>command/agent/http.go</c>,
/// <c>wrap</c>: coded errors keep their code, uncoded ones become 500), data as JSON with the index
/// headers.
/// </summary>
public static class NomadResults
{
    /// <summary>A plain-text error, as Nomad writes <c>CodedError</c>s.</summary>
    public static IResult Error(int status, string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: status);

    /// <summary>A JSON body with <c>X-Nomad-Index</c> and the leader headers.</summary>
    public static IResult Json<T>(HttpResponse response, T value, long index, int status = StatusCodes.Status200OK)
    {
        NomadHeaders.SetMeta(response, index);
        return Results.Json(value, NomadJson.Options, "application/json", status);
    }

    /// <summary>Reads a request body as <typeparamref name="T"/>; a malformed body gives Nomad's 400 text.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, NomadJson.Options, ct).ConfigureAwait(false);
            return value is null ? (null, Error(400, "Request body is empty")) : (value, null);
        }
        catch (JsonException e)
        {
            // command/agent/http.go decodeBody: the decoder's error text, with a 400 from the handler.
            return (null, Error(400, e.Message));
        }
    }
}

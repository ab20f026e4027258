using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nomad.Hcl;

namespace Nomad.Emulator.Http;

/// <summary>
/// Reads a request body as a JSON object the way Nomad's <c>decodeBody</c> (<c>command/agent/http.go</c>) does:
/// no body → <c>400 Request body is empty</c>; malformed JSON or a non-object → 400 with the decoder's text;
/// <c>null</c> → an empty object. Field names match exactly, else by Go's folding (<see cref="GoJsonNames"/>).
/// </summary>
public static class JsonBody
{
    /// <summary>The body object, or the 400 answer.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, string goType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return (null, NomadResults.Error(400, "Request body is empty"));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return (null, NomadResults.Error(400, e.Message));
        }

        return node switch
        {
            null => (new JsonObject(), null),
            JsonObject obj => (obj, null),
            JsonArray => (null, NomadResults.Error(400, $"json: cannot unmarshal array into Go value of type {goType}")),
            _ => (null, NomadResults.Error(400, $"json: cannot unmarshal {node.GetValueKind().ToString().ToLowerInvariant()} into Go value of type {goType}")),
        };
    }

    /// <summary>A field by name, exact first, then by Go's <c>encoding/json</c> folding (<see cref="GoJsonNames"/>).</summary>
    public static JsonNode? Field(JsonObject obj, string name)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        return obj.FirstOrDefault(p => GoJsonNames.FoldEquals(p.Key, name)).Value;
    }

    /// <summary>A boolean field, false when missing or not a boolean.</summary>
    public static bool Bool(JsonObject obj, string name) =>
        Field(obj, name) is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A whole-number field, 0 when missing or not a number.</summary>
    public static long WholeNumber(JsonObject obj, string name) =>
        Field(obj, name) is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nomad.Emulator.Api;

/// <summary>
/// A variable request body as Nomad's handler decodes it into <c>structs.VariableDecrypted</c>: field
/// names case-insensitive, unknown fields ignored, <c>Lock.TTL</c>/<c>LockDelay</c> as Go duration strings
/// or nanoseconds (<c>VariableLock.UnmarshalJSON</c>).
/// </summary>
public sealed record VariableRequest(
    string? Namespace,
    IReadOnlyDictionary<string, string>? Items,
    bool HasLock,
    string LockId,
    TimeSpan LockTtl,
    TimeSpan LockDelay)
{
    /// <summary>Reads the body; on a decode failure returns Nomad's 400 text instead.</summary>
    public static async Task<(VariableRequest? Request, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return (null, "Request body is empty");
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return Decode(doc.RootElement);
        }
        catch (JsonException e)
        {
            return (null, GoDecodeError(text, e));
        }
    }

    // encoding/json's wording for the two common cases: a body cut short ("unexpected EOF") and a body that
    // does not start as JSON ("invalid character 'x' looking for beginning of value"). Errors deeper in a
    // document are worded by the emulator.
    private static string GoDecodeError(string text, JsonException e)
    {
        var lines = text.Split('\n');
        var line = (int)Math.Min(e.LineNumber ?? 0, lines.Length - 1);
        var offset = lines.Take(line).Sum(l => l.Length + 1) + (int)Math.Min(e.BytePositionInLine ?? 0, lines[line].Length);
        var rest = text[Math.Min(offset, text.Length)..].TrimStart();
        if (rest.Length == 0)
        {
            return "unexpected EOF";
        }

        return offset == 0 || text[..offset].Trim().Length == 0
            ? $"invalid character '{rest[0]}' looking for beginning of value"
            : $"invalid character '{rest[0]}' in request body ({e.Message})";
    }

    private static (VariableRequest? Request, string? Error) Decode(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Null)
        {
            return (new VariableRequest(null, null, false, "", TimeSpan.Zero, TimeSpan.Zero), null);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"json: cannot unmarshal {GoKind(root)} into Go value of type structs.VariableDecrypted");
        }

        string? ns = Field(root, "Namespace") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        Dictionary<string, string>? items = null;
        if (Field(root, "Items") is { } itemsElement && itemsElement.ValueKind != JsonValueKind.Null)
        {
            if (itemsElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"json: cannot unmarshal {GoKind(itemsElement)} into Go struct field VariableDecrypted.Items of type structs.VariableItems");
            }

            items = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in itemsElement.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, $"json: cannot unmarshal {GoKind(item.Value)} into Go struct field VariableDecrypted.Items of type string");
                }

                items[item.Name] = item.Value.GetString()!;
            }
        }

        if (Field(root, "Lock") is not { ValueKind: JsonValueKind.Object } lockElement)
        {
            return (new VariableRequest(ns, items, false, "", TimeSpan.Zero, TimeSpan.Zero), null);
        }

        var id = Field(lockElement, "ID") is { ValueKind: JsonValueKind.String } idElement ? idElement.GetString()! : "";
        var (ttl, ttlError) = Duration(Field(lockElement, "TTL"));
        var (delay, delayError) = Duration(Field(lockElement, "LockDelay"));
        var error = ttlError ?? delayError;
        return error is null ? (new VariableRequest(ns, items, true, id, ttl, delay), null) : (null, error);
    }

    private static (TimeSpan Value, string? Error) Duration(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } text =>
            GoDuration.TryParse(text, out long nanoseconds, out var error) ? (GoDuration.FromNanoseconds(nanoseconds), null) : (TimeSpan.Zero, error),
        { ValueKind: JsonValueKind.Number } n => (TimeSpan.FromTicks((long)(n.GetDouble() / 100)), null),
        _ => (TimeSpan.Zero, null),
    };

    private static JsonElement? Field(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string GoKind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}

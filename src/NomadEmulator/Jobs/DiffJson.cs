using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>Small helpers to read stored-job JSON and write diff JSON the way Go encodes it.</summary>
internal static class DiffJson
{
    /// <summary>A Go slice: null when empty.</summary>
    public static JsonArray? List<T>(IReadOnlyCollection<T> items, Func<T, JsonNode> toJson) =>
        items.Count == 0 ? null : new JsonArray([.. items.Select(toJson)]);

    /// <summary>A property as an object, or null.</summary>
    public static JsonObject? Obj(JsonObject? parent, string name) => parent?[name] as JsonObject;

    /// <summary>A property as an array of objects (empty when absent).</summary>
    public static List<JsonObject> Objs(JsonObject? parent, string name) =>
        parent?[name] is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    /// <summary>A property as a list of strings (empty when absent).</summary>
    public static List<string> Strings(JsonObject? parent, string name) =>
        parent?[name] is JsonArray a ? [.. a.Select(Text)] : [];

    /// <summary>A property's string value, or "".</summary>
    public static string Str(JsonObject? parent, string name) => parent?[name] is JsonValue v ? Text(v) : "";

    /// <summary>The text Go's <c>fmt %v</c> gives a JSON scalar.</summary>
    public static string Text(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return "";
        }
        return v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            System.Text.Json.JsonValueKind.True => "true",
            System.Text.Json.JsonValueKind.False => "false",
            System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            _ => "",
        };
    }

    /// <summary>A JSON number as a long (parsed or built in code), or <paramref name="fallback"/> when absent.</summary>
    public static long Long(JsonNode? node, long fallback = 0) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<decimal>(out var m) => (long)m,
        _ => fallback,
    };

    /// <summary>A JSON boolean, or false when absent.</summary>
    public static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Go's <c>reflect.DeepEqual</c> on two decoded values.</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}

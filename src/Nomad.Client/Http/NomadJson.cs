using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Nomad.Client;

/// <summary>JSON settings for Nomad's wire format: PascalCase names exactly as the Go structs, nulls left out when writing.</summary>
internal static class NomadJson
{
    /// <summary>The serializer options every area client uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = null,
    };

    /// <summary>Deserializes a body; an empty body or <c>null</c> gives default.</summary>
    public static T? Read<T>(string body) =>
        string.IsNullOrWhiteSpace(body) ? default : JsonSerializer.Deserialize<T>(body, Options);

    /// <summary>Serializes a value to a node for a request body.</summary>
    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);
}

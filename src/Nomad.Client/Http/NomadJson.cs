using System.Buffers;
using System.IO.Pipelines;
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

    /// <summary>
    /// Deserializes a body as it arrives: the serializer works through the stream in small buffers, so a list of
    /// thousands of entries never exists as one string or byte array (which, above 85 KB, would land on the large
    /// object heap and stay resident until a full collection). An empty body or <c>null</c> gives default.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(Stream body, CancellationToken ct)
    {
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!IsWhitespace(buffer))
                {
                    reader.AdvanceTo(buffer.Start);
                    return await JsonSerializer.DeserializeAsync<T>(reader, Options, ct).ConfigureAwait(false);
                }

                if (result.IsCompleted)
                {
                    return default;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Serializes a value to a node for a request body.</summary>
    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    private static bool IsWhitespace(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NomadGitOps.Rendering;

/// <summary>
/// A fingerprint of a desired job, recorded as <c>status_spec_hash</c>: SHA-256 over the job's canonical JSON
/// (object keys sorted by ordinal, no whitespace), so key order and formatting of the job file do not matter.
/// </summary>
internal static class JobSpecHash
{
    /// <summary>The first 32 hex digits of the SHA-256 of the canonical JSON of <paramref name="job"/>.</summary>
    public static string Of(JsonObject job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, job);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..32];
    }

    /// <summary>The canonical JSON text of <paramref name="node"/> (keys sorted, compact), for tests and diagnostics.</summary>
    public static string CanonicalJson(JsonNode? node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>jsonencode/jsondecode as cty's stdlib does them (Go's encoder escapes &lt;, &gt; and &amp;).</summary>
internal static class JsonFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["jsonencode"] = Of(a => HclValue.String(Encode(a[0])), P("val", HclType.Dynamic, allowNull: true));
        table["jsondecode"] = Of(a => Decode(a[0].AsString()), P("str", HclType.String));
    }

    public static string Encode(HclValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        // Go's encoder escapes <, > and & (and U+2028/U+2029), which only occur inside strings here.
        return Encoding.UTF8.GetString(stream.ToArray())
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }

    private static void Write(Utf8JsonWriter writer, HclValue value)
    {
        if (value.IsNull)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.String:
                writer.WriteStringValue(value.AsString());
                break;
            case HclTypeKind.Number:
                // cty writes big.Float.Text('f', -1): never an exponent; infinity has no JSON form.
                var number = value.AsNumber();
                if (double.IsInfinity(number))
                {
                    throw new FunctionException("cannot serialize infinity as JSON");
                }

                writer.WriteRawValue(YamlEmitter.PlainDecimal(number));
                break;
            case HclTypeKind.Bool:
                writer.WriteBooleanValue(value.AsBool());
                break;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                writer.WriteStartArray();
                foreach (var e in value.Elements)
                {
                    Write(writer, e);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var (k, v) in value.Attributes)
                {
                    writer.WritePropertyName(k);
                    Write(writer, v);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static HclValue Decode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FunctionException(e.Message, 0);
        }
    }

    private static HclValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => HclValue.String(element.GetString()!),
        JsonValueKind.Number => HclValue.Number(element.GetDouble()),
        JsonValueKind.True => HclValue.True,
        JsonValueKind.False => HclValue.False,
        JsonValueKind.Array => HclValue.Tuple([.. element.EnumerateArray().Select(FromElement)]),
        JsonValueKind.Object => HclValue.Object(element.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => FromElement(g.Last().Value))),
        _ => HclValue.Null,
    };
}

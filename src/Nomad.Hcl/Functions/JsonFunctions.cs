using System.Globalization;
using System.Text;
using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>jsonencode/jsondecode as cty's stdlib does them (Go's encoder escapes &lt;, &gt; and &amp;).</summary>
internal static class JsonFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["jsonencode"] = Of(a => HclValue.String(Encode(a[0])), P("val", HclType.Dynamic, allowNull: true));
        table["jsondecode"] = Of(a => GoJsonDecoder.Decode(a[0].AsString()), P("str", HclType.String));
    }

    /// <summary>
    /// The JSON text Go's encoding/json writes: no spaces, map keys in order, strings escaping only quote, backslash,
    /// control characters (\b \f \n \r \t by name, as Go 1.22+ in Nomad's go.mod; others \u00xx), &lt; &gt; &amp; and
    /// U+2028/U+2029; numbers as big.Float.Text('f', -1).
    /// </summary>
    public static string Encode(HclValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HclValue value)
    {
        if (value.IsNull)
        {
            sb.Append("null");
            return;
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.String:
                WriteString(sb, value.AsString());
                break;
            case HclTypeKind.Number:
                if (value.IsInfinite)
                {
                    throw new FunctionException("cannot serialize infinity as JSON");
                }

                sb.Append(value.NumberText());
                break;
            case HclTypeKind.Bool:
                sb.Append(value.AsBool() ? "true" : "false");
                break;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                sb.Append('[');
                for (var i = 0; i < value.Elements.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, value.Elements[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in value.Attributes)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, k);
                    sb.Append(':');
                    Write(sb, v);
                }

                sb.Append('}');
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}

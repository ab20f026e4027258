using System.Text;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// A cty.Type as Go's fmt prints it with <c>%s</c> (jobspec2's decodeDuration does): the struct fields of its
/// implementation, e.g. <c>{{{} %!s(cty.primitiveTypeKind=66)}}</c> for bool, <c>{{{}}}</c> for the dynamic type,
/// <c>{{{} [...]}}</c> for a tuple and <c>{{{} map[name:…] map[]}}</c> for an object.
/// </summary>
internal static class GoTypeText
{
    public static string Of(HclType type)
    {
        var text = new StringBuilder();
        Append(type, text);
        return text.ToString();
    }

    private static void Append(HclType type, StringBuilder text)
    {
        switch (type.Kind)
        {
            case HclTypeKind.Dynamic:
                text.Append("{{{}}}");
                return;
            case HclTypeKind.String or HclTypeKind.Number or HclTypeKind.Bool:
                // cty's primitiveTypeKind is a byte: 'S', 'N', 'B'.
                var kind = type.Kind == HclTypeKind.String ? 'S' : type.Kind == HclTypeKind.Number ? 'N' : 'B';
                text.Append("{{{} %!s(cty.primitiveTypeKind=").Append((int)kind).Append(")}}");
                return;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map:
                text.Append("{{{} ");
                Append(type.Element!, text);
                text.Append("}}");
                return;
            case HclTypeKind.Tuple:
                text.Append("{{{} [");
                for (var i = 0; i < type.Elements.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    Append(type.Elements[i], text);
                }

                text.Append("]}}");
                return;
            default:
                // typeObject's AttrTypes map (Go prints map keys sorted), then its empty AttrOptional map.
                text.Append("{{{} map[");
                var first = true;
                foreach (var (name, attribute) in type.Attributes)
                {
                    if (!first)
                    {
                        text.Append(' ');
                    }

                    first = false;
                    text.Append(name).Append(':');
                    Append(attribute, text);
                }

                text.Append("] map[]}}");
                return;
        }
    }
}

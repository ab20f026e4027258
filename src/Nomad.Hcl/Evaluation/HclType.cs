using System.Text;

namespace Nomad.Hcl.Evaluation;

/// <summary>A cty type: primitive, collection (list/set/map of one element type), structural (tuple/object) or dynamic (<c>any</c>).</summary>
public sealed record HclType
{
    private HclType(HclTypeKind kind, HclType? element = null, IReadOnlyList<HclType>? elements = null, IReadOnlyDictionary<string, HclType>? attributes = null)
    {
        Kind = kind;
        Element = element;
        Elements = elements ?? [];
        Attributes = attributes ?? new SortedDictionary<string, HclType>(StringComparer.Ordinal);
    }

    /// <summary>Which kind of type this is.</summary>
    public HclTypeKind Kind { get; }

    /// <summary>The element type of a list, set or map.</summary>
    public HclType? Element { get; }

    /// <summary>The element types of a tuple.</summary>
    public IReadOnlyList<HclType> Elements { get; }

    /// <summary>The attribute types of an object, in name order.</summary>
    public IReadOnlyDictionary<string, HclType> Attributes { get; }

    /// <summary>cty.String.</summary>
    public static HclType String { get; } = new(HclTypeKind.String);

    /// <summary>cty.Number.</summary>
    public static HclType Number { get; } = new(HclTypeKind.Number);

    /// <summary>cty.Bool.</summary>
    public static HclType Bool { get; } = new(HclTypeKind.Bool);

    /// <summary>cty.DynamicPseudoType, written <c>any</c>.</summary>
    public static HclType Dynamic { get; } = new(HclTypeKind.Dynamic);

    /// <summary>The empty object type.</summary>
    public static HclType EmptyObject { get; } = Object(new SortedDictionary<string, HclType>(StringComparer.Ordinal));

    /// <summary>The empty tuple type.</summary>
    public static HclType EmptyTuple { get; } = Tuple([]);

    /// <summary>list(element).</summary>
    public static HclType List(HclType element) => new(HclTypeKind.List, element);

    /// <summary>set(element).</summary>
    public static HclType Set(HclType element) => new(HclTypeKind.Set, element);

    /// <summary>map(element).</summary>
    public static HclType Map(HclType element) => new(HclTypeKind.Map, element);

    /// <summary>tuple([elements]).</summary>
    public static HclType Tuple(IReadOnlyList<HclType> elements) => new(HclTypeKind.Tuple, elements: elements);

    /// <summary>object({attributes}).</summary>
    public static HclType Object(IReadOnlyDictionary<string, HclType> attributes) => new(HclTypeKind.Object, attributes: attributes);

    /// <summary>Whether this is a primitive type.</summary>
    public bool IsPrimitive => Kind is HclTypeKind.String or HclTypeKind.Number or HclTypeKind.Bool;

    /// <summary>Whether this is a list, set or map.</summary>
    public bool IsCollection => Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map;

    /// <summary>Whether the type contains <c>any</c> anywhere.</summary>
    public bool HasDynamic => Kind switch
    {
        HclTypeKind.Dynamic => true,
        HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map => Element!.HasDynamic,
        HclTypeKind.Tuple => Elements.Any(e => e.HasDynamic),
        HclTypeKind.Object => Attributes.Values.Any(e => e.HasDynamic),
        _ => false,
    };

    /// <inheritdoc />
    public bool Equals(HclType? other) => other is not null && FriendlyName == other.FriendlyName;

    /// <inheritdoc />
    public override int GetHashCode() => FriendlyName.GetHashCode(StringComparison.Ordinal);

    /// <summary>The name cty's <c>FriendlyName</c> gives, as used in error messages.</summary>
    public string FriendlyName => Kind switch
    {
        HclTypeKind.String => "string",
        HclTypeKind.Number => "number",
        HclTypeKind.Bool => "bool",
        HclTypeKind.Dynamic => "dynamic",
        HclTypeKind.List => $"list of {Element!.FriendlyName}",
        HclTypeKind.Set => $"set of {Element!.FriendlyName}",
        HclTypeKind.Map => $"map of {Element!.FriendlyName}",
        HclTypeKind.Tuple => "tuple",
        _ => "object",
    };

    /// <summary>cty's <c>FriendlyNameForConstraint</c>: <c>any type</c>, and <c>list of any single type</c> for a collection of it.</summary>
    public string FriendlyNameForConstraint => Kind switch
    {
        HclTypeKind.Dynamic => "any type",
        HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map =>
            $"{(Kind == HclTypeKind.List ? "list" : Kind == HclTypeKind.Set ? "set" : "map")} of " +
            (Element!.Kind == HclTypeKind.Dynamic ? "any single type" : Element.FriendlyNameForConstraint),
        _ => FriendlyName,
    };

    /// <summary>The type written in HCL's type-expression syntax.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case HclTypeKind.Dynamic: return "any";
            case HclTypeKind.List: return $"list({Element})";
            case HclTypeKind.Set: return $"set({Element})";
            case HclTypeKind.Map: return $"map({Element})";
            case HclTypeKind.Tuple: return $"tuple([{string.Join(", ", Elements)}])";
            case HclTypeKind.Object:
                var sb = new StringBuilder("object({");
                sb.AppendJoin(", ", Attributes.Select(a => $"{a.Key}={a.Value}"));
                return sb.Append("})").ToString();
            default: return FriendlyName;
        }
    }
}

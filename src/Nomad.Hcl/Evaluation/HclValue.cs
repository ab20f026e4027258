using System.Globalization;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// A cty value: a type plus either null or a payload (string, number, bool, ordered elements, or attributes
/// in name order). Numbers are IEEE doubles here, where cty uses arbitrary precision.
/// </summary>
public sealed class HclValue
{
    private static readonly IReadOnlyDictionary<string, HclValue> NoAttributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);

    private HclValue(HclType type, bool isNull, string? text = null, double number = 0, bool flag = false,
        IReadOnlyList<HclValue>? elements = null, IReadOnlyDictionary<string, HclValue>? attributes = null)
    {
        Type = type;
        IsNull = isNull;
        _text = text;
        _number = number;
        _flag = flag;
        Elements = elements ?? [];
        Attributes = attributes ?? NoAttributes;
    }

    private readonly string? _text;
    private readonly double _number;
    private readonly bool _flag;

    /// <summary>The value's type.</summary>
    public HclType Type { get; }

    /// <summary>Whether the value is null (of <see cref="Type"/>).</summary>
    public bool IsNull { get; }

    /// <summary>The elements of a list, set or tuple.</summary>
    public IReadOnlyList<HclValue> Elements { get; }

    /// <summary>The entries of a map or the attributes of an object, in name order.</summary>
    public IReadOnlyDictionary<string, HclValue> Attributes { get; }

    /// <summary>The string payload.</summary>
    public string AsString() => _text ?? "";

    /// <summary>The number payload.</summary>
    public double AsNumber() => _number;

    /// <summary>The bool payload.</summary>
    public bool AsBool() => _flag;

    /// <summary>The dynamic null, what <c>null</c> means in HCL.</summary>
    public static HclValue Null { get; } = new(HclType.Dynamic, true);

    /// <summary>cty.True.</summary>
    public static HclValue True { get; } = new(HclType.Bool, false, flag: true);

    /// <summary>cty.False.</summary>
    public static HclValue False { get; } = new(HclType.Bool, false, flag: false);

    /// <summary>A null of a given type.</summary>
    public static HclValue NullOf(HclType type) => new(type, true);

    /// <summary>A string value.</summary>
    public static HclValue String(string text) => new(HclType.String, false, text: text);

    /// <summary>A number value.</summary>
    public static HclValue Number(double number) => new(HclType.Number, false, number: number);

    /// <summary>A bool value.</summary>
    public static HclValue Bool(bool flag) => flag ? True : False;

    /// <summary>A tuple of the given elements.</summary>
    public static HclValue Tuple(IReadOnlyList<HclValue> elements) =>
        new(HclType.Tuple([.. elements.Select(e => e.Type)]), false, elements: elements);

    /// <summary>An object of the given attributes.</summary>
    public static HclValue Object(IReadOnlyDictionary<string, HclValue> attributes)
    {
        var sorted = attributes as SortedDictionary<string, HclValue> ?? new SortedDictionary<string, HclValue>(attributes.ToDictionary(), StringComparer.Ordinal);
        var types = new SortedDictionary<string, HclType>(StringComparer.Ordinal);
        foreach (var (k, v) in sorted)
        {
            types[k] = v.Type;
        }

        return new HclValue(HclType.Object(types), false, attributes: sorted);
    }

    /// <summary>A list of elements all of <paramref name="element"/> type.</summary>
    public static HclValue List(HclType element, IReadOnlyList<HclValue> elements) => new(HclType.List(element), false, elements: elements);

    /// <summary>A set of elements of <paramref name="element"/> type; duplicates removed, ordered as cty orders sets.</summary>
    public static HclValue Set(HclType element, IEnumerable<HclValue> elements)
    {
        var distinct = new List<HclValue>();
        foreach (var e in elements)
        {
            if (!distinct.Any(d => d.RawEquals(e)))
            {
                distinct.Add(e);
            }
        }

        distinct.Sort(CompareForSet);
        return new HclValue(HclType.Set(element), false, elements: distinct);
    }

    /// <summary>A map of entries all of <paramref name="element"/> type.</summary>
    public static HclValue Map(HclType element, IReadOnlyDictionary<string, HclValue> entries) =>
        new(HclType.Map(element), false, attributes: entries as SortedDictionary<string, HclValue> ?? new SortedDictionary<string, HclValue>(entries.ToDictionary(), StringComparer.Ordinal));

    private static int CompareForSet(HclValue a, HclValue b)
    {
        if (a.Type.Kind == HclTypeKind.String && b.Type.Kind == HclTypeKind.String)
        {
            return string.CompareOrdinal(a.AsString(), b.AsString());
        }

        if (a.Type.Kind == HclTypeKind.Number && b.Type.Kind == HclTypeKind.Number)
        {
            return a.AsNumber().CompareTo(b.AsNumber());
        }

        if (a.Type.Kind == HclTypeKind.Bool && b.Type.Kind == HclTypeKind.Bool)
        {
            return a.AsBool().CompareTo(b.AsBool());
        }

        return 0;
    }

    /// <summary>Whether the value has a collection or structural type with zero elements.</summary>
    public int Length => Type.Kind is HclTypeKind.Map or HclTypeKind.Object ? Attributes.Count : Elements.Count;

    /// <summary>Exact equality of type and content, as cty's <c>RawEquals</c>.</summary>
    public bool RawEquals(HclValue other)
    {
        if (IsNull || other.IsNull)
        {
            return IsNull && other.IsNull;
        }

        if (!Type.Equals(other.Type))
        {
            return false;
        }

        return Type.Kind switch
        {
            HclTypeKind.String => AsString() == other.AsString(),
            HclTypeKind.Number => AsNumber().Equals(other.AsNumber()),
            HclTypeKind.Bool => AsBool() == other.AsBool(),
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple =>
                Elements.Count == other.Elements.Count && Elements.Zip(other.Elements).All(p => p.First.RawEquals(p.Second)),
            HclTypeKind.Map or HclTypeKind.Object =>
                Attributes.Count == other.Attributes.Count &&
                Attributes.All(p => other.Attributes.TryGetValue(p.Key, out var o) && p.Value.RawEquals(o)),
            _ => false,
        };
    }

    /// <summary>A number written as cty writes it when converting to string.</summary>
    public static string FormatNumber(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) < 1e21)
        {
            return number.ToString("F0", CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A short debugging rendering of the value.</summary>
    public override string ToString() => IsNull ? "null" : Type.Kind switch
    {
        HclTypeKind.String => $"\"{AsString()}\"",
        HclTypeKind.Number => FormatNumber(AsNumber()),
        HclTypeKind.Bool => AsBool() ? "true" : "false",
        HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple => $"[{string.Join(", ", Elements)}]",
        _ => $"{{{string.Join(", ", Attributes.Select(a => $"{a.Key} = {a.Value}"))}}}",
    };
}

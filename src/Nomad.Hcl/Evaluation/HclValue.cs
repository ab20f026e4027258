using System.Globalization;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// A cty value: a type plus either null or a payload (string, number, bool, ordered elements, or attributes
/// in name order). A number is held as an exact decimal (literals, whole-number arithmetic), as a
/// <see cref="BinaryFloat"/> at cty's 512 bits (other arithmetic), or as a double (function results); each also
/// has its nearest double (<see cref="AsNumber"/>).
/// </summary>
public sealed class HclValue
{
    private static readonly System.Buffers.SearchValues<char> DecimalChars = System.Buffers.SearchValues.Create("0123456789.");
    private static readonly IReadOnlyDictionary<string, HclValue> NoAttributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);

    private HclValue(HclType type, bool isNull, string? text = null, double number = 0, bool flag = false,
        IReadOnlyList<HclValue>? elements = null, IReadOnlyDictionary<string, HclValue>? attributes = null,
        object? precise = null, bool unknown = false)
    {
        Type = type;
        IsKnown = !unknown;
        IsNull = isNull;
        _text = text;
        _number = number;
        _precise = precise;
        _flag = flag;
        Elements = elements ?? [];
        Attributes = attributes ?? NoAttributes;
    }

    private readonly string? _text;
    private readonly double _number;

    /// <summary>
    /// A number's exact form when its double is not: a boxed decimal (exact decimal) or a <see cref="BinaryFloat"/>.
    /// Null means the double is the value (whole numbers up to 2^53 are then exact decimals too).
    /// </summary>
    private readonly object? _precise;
    private readonly bool _flag;

    /// <summary>The value's type.</summary>
    public HclType Type { get; }

    /// <summary>Whether the value is null (of <see cref="Type"/>).</summary>
    public bool IsNull { get; }

    /// <summary>
    /// False for cty's unknown value of <see cref="Type"/> (only yamldecode of a null document makes one; everything that
    /// consumes one follows cty's rules for it). An unknown value is not null and has no payload.
    /// </summary>
    public bool IsKnown { get; }

    /// <summary>
    /// An unknown collection's length when cty's refinements know it (sort, conditionals), else -1. An unknown value
    /// has no payload, so its refinements are kept in the payload's fields (the number and the flag).
    /// </summary>
    public int KnownLength => IsKnown ? -1 : (int)_number;

    /// <summary>cty's definitelyNotNull: a known value that is not null, or an unknown one refined as not null.</summary>
    public bool DefinitelyNotNull => IsKnown ? !IsNull : _flag;

    // 0: not computed yet, 1: wholly known, 2: holds an unknown value somewhere.
    private byte _wholly;

    /// <summary>cty's IsWhollyKnown: the value is known and so is every element and attribute inside it.</summary>
    public bool IsWhollyKnown
    {
        get
        {
            if (_wholly == 0)
            {
                var known = IsKnown;
                if (known && !IsNull && !Type.IsPrimitive)
                {
                    var elements = Elements;
                    for (var i = 0; known && i < elements.Count; i++)
                    {
                        known = elements[i].IsWhollyKnown;
                    }

                    if (known && Attributes is SortedDictionary<string, HclValue> { Count: > 0 } attributes)
                    {
                        foreach (var a in attributes.Values)
                        {
                            known &= a.IsWhollyKnown;
                        }
                    }
                }

                _wholly = known ? (byte)1 : (byte)2;
            }

            return _wholly == 1;
        }
    }

    /// <summary>cty.DynamicVal: unknown, of unknown type.</summary>
    public static HclValue DynamicUnknown { get; } = new(HclType.Dynamic, false, number: -1, unknown: true);

    /// <summary>
    /// cty.UnknownVal(type), with cty's refinements this evaluator keeps: a collection's known length and not-null
    /// (cty never refines a value of unknown type).
    /// </summary>
    public static HclValue Unknown(HclType type, int knownLength = -1, bool notNull = false) =>
        type.Kind == HclTypeKind.Dynamic ? DynamicUnknown : new(type, false, number: knownLength, flag: notNull, unknown: true);

    /// <summary>This value refined as not null (cty's RefineNotNull; a known value is unchanged).</summary>
    public HclValue RefineNotNull() => IsKnown || _flag || Type.Kind == HclTypeKind.Dynamic ? this : Unknown(Type, KnownLength, notNull: true);

    /// <summary>The elements of a list, set or tuple.</summary>
    public IReadOnlyList<HclValue> Elements { get; }

    /// <summary>The entries of a map or the attributes of an object, in name order.</summary>
    public IReadOnlyDictionary<string, HclValue> Attributes { get; }

    /// <summary>The string payload.</summary>
    public string AsString() => _text ?? "";

    /// <summary>The number payload (the nearest double).</summary>
    public double AsNumber() => _number;

    /// <summary>Whether the number is cty's positive or negative infinity (not merely beyond a double's range).</summary>
    public bool IsInfinite => _precise is null && double.IsInfinity(_number);

    /// <summary>The number payload as the nearest double.</summary>
    public double AsDouble() => _number;

    /// <summary>The number payload as an exact decimal, when it is one (literals, whole-number arithmetic).</summary>
    public bool TryGetExact(out decimal value)
    {
        switch (_precise)
        {
            case decimal exact:
                value = exact;
                return true;
            case null when IsSafeInteger(_number):
                value = (decimal)_number;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static bool IsSafeInteger(double n) => n == Math.Floor(n) && Math.Abs(n) <= 9007199254740992 && !(n == 0 && double.IsNegative(n));

    /// <summary>The number as a whole number in the long range, exactly (false when fractional or out of range).</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (_precise is decimal exact)
        {
            if (exact != decimal.Truncate(exact) || exact < long.MinValue || exact > long.MaxValue)
            {
                return false;
            }

            value = (long)exact;
            return true;
        }

        if (_number != Math.Floor(_number) || Math.Abs(_number) >= 9.2e18)
        {
            return false;
        }

        value = (long)_number;
        return true;
    }

    /// <summary>The number as cty writes it when converting to string (Go's <c>big.Float.Text('f', -1)</c>).</summary>
    public string NumberText()
    {
        switch (_precise)
        {
            case decimal exact when exact == 0:
                return double.IsNegative(_number) ? "-0" : "0";
            case decimal exact:
                var text = exact.ToString(CultureInfo.InvariantCulture);
                return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
            case BinaryFloat binary:
                return binary.Text();
            default:
                return FormatNumber(_number);
        }
    }

    /// <summary>The number at cty's precision, for arithmetic.</summary>
    internal BinaryFloat AsBinary() => _precise switch
    {
        BinaryFloat binary => binary,
        decimal exact => BinaryFloat.FromDecimal(exact),
        _ when IsSafeInteger(_number) => BinaryFloat.FromDecimal((decimal)_number),
        _ => BinaryFloat.FromDouble(_number),
    };

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

    /// <summary>
    /// A string value, normalised to Unicode NFC as cty.StringVal normalises every string (so the Kelvin sign becomes an
    /// ASCII K and e + U+0301 becomes é, in literals, templates, function results and keys alike).
    /// </summary>
    public static HclValue String(string text) => new(HclType.String, false, text: Unicode.Nfc.Normalize(text));

    /// <summary>A number value from a double (whole numbers up to 2^53 are exact).</summary>
    public static HclValue Number(double number) => new(HclType.Number, false, number: number);

    /// <summary>An exact decimal number value.</summary>
    public static HclValue Exact(decimal number)
    {
        var n = (double)number;
        return new(HclType.Number, false, number: n, precise: IsSafeInteger(n) && (decimal)n == number ? null : number);
    }

    /// <summary>A number at cty's precision; whole numbers that fit a decimal are kept exact.</summary>
    internal static HclValue Number(BinaryFloat number) =>
        number.TryToDecimal(out var exact) && !(exact == 0 && number.Negative)
            ? Exact(exact)
            : new(HclType.Number, false, number: number.ToDouble(), precise: number);

    /// <summary>
    /// A number literal's value, when cty's ParseNumberVal (big.ParseFloat, base 10) accepts the text: digits, at most
    /// one ".", an optional exponent.
    /// </summary>
    public static bool TryParseNumber(string text, out HclValue value)
    {
        value = Null;
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var digits = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        return TryParseLiteral(text, out value);
    }

    /// <summary>A number literal's value, as hclsyntax reads it (exact; 512 bits when it does not fit a decimal).</summary>
    public static HclValue ParseNumber(string text) =>
        TryParseLiteral(text, out var value) ? value : throw new FormatException($"The number literal {text} is out of range.");

    /// <summary>
    /// The value of digits, fraction and exponent as cty's ParseNumberVal (big.ParseFloat) gives it; false where Go
    /// reports an exponent overflow, +Inf past big.Float's range.
    /// </summary>
    private static bool TryParseLiteral(string text, out HclValue value)
    {
        if (text.Length <= 15 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            value = Number((double)whole);
            return true;
        }

        if (FitsDecimal(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            value = Exact(exact);
            return true;
        }

        if (!BinaryFloat.TryParse(text, out var binary, out var infinite))
        {
            value = Null;
            return false;
        }

        value = infinite ? Number(double.PositiveInfinity) : Number(binary!);
        return true;
    }

    /// <summary>Whether a literal's digits and scale fit a decimal without rounding.</summary>
    private static bool FitsDecimal(string text)
    {
        if (text.Length <= 15 && text.AsSpan().IndexOfAnyExcept(DecimalChars) < 0)
        {
            return true;
        }

        var e = text.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (e >= 0 && !int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        var mantissa = (e < 0 ? text : text[..e]).TrimStart('-', '+');
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        var significant = mantissa.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
        var scale = fraction - exponent;
        return significant <= 28 && scale <= 28 && significant - scale <= 28;
    }

    /// <summary>The number negated (cty's Negate: exact values stay exact, -0 is kept).</summary>
    public HclValue Negate() => _precise switch
    {
        decimal exact when exact == 0 => new(HclType.Number, false, number: -_number, precise: exact),
        decimal exact => Exact(-exact),
        BinaryFloat binary => Number(binary.Negate()),
        _ => Number(-_number),
    };

    /// <summary>Numeric comparison of two numbers at full precision.</summary>
    public static int CompareNumbers(HclValue a, HclValue b)
    {
        if ((a._precise is null && b._precise is null) || a.IsInfinite || b.IsInfinite)
        {
            return a._number.CompareTo(b._number);
        }

        if (a.TryGetExact(out var x) && b.TryGetExact(out var y))
        {
            return x.CompareTo(y);
        }

        return a.AsBinary().CompareTo(b.AsBinary());
    }

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
            return CompareUtf8(a.AsString(), b.AsString());
        }

        if (a.Type.Kind == HclTypeKind.Number && b.Type.Kind == HclTypeKind.Number)
        {
            return CompareNumbers(a, b);
        }

        if (a.Type.Kind == HclTypeKind.Bool && b.Type.Kind == HclTypeKind.Bool)
        {
            return a.AsBool().CompareTo(b.AsBool());
        }

        // cty's setRules.Less for other types: the bytes its set hash is computed from (appendSetHashBytes).
        return CompareUtf8(SetHashText(a), SetHashText(b));
    }

    // Go compares strings by their UTF-8 bytes; UTF-16 order differs for characters beyond U+FFFF.
    private static int CompareUtf8(string a, string b) =>
        System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));

    private static string SetHashText(HclValue value)
    {
        var text = new System.Text.StringBuilder();
        AppendSetHashText(value, text);
        return text.ToString();
    }

    private static void AppendSetHashText(HclValue value, System.Text.StringBuilder text)
    {
        if (value.IsNull)
        {
            text.Append('~');
            return;
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.Number:
                text.Append(GoG10(value.AsNumber()));
                return;
            case HclTypeKind.Bool:
                text.Append(value.AsBool() ? 'T' : 'F');
                return;
            case HclTypeKind.String:
                text.Append(Functions.CryptoFunctions.GoQuote(value.AsString()));
                return;
            case HclTypeKind.Map:
                text.Append('{');
                foreach (var (k, v) in value.Attributes)
                {
                    text.Append(Functions.CryptoFunctions.GoQuote(k)).Append(':');
                    AppendSetHashText(v, text);
                    text.Append(';');
                }

                text.Append('}');
                return;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                text.Append(value.Type.Kind == HclTypeKind.Tuple ? '<' : '[');
                foreach (var e in value.Elements)
                {
                    AppendSetHashText(e, text);
                    text.Append(';');
                }

                text.Append(value.Type.Kind == HclTypeKind.Tuple ? '>' : ']');
                return;
            default:
                text.Append('<');
                foreach (var v in value.Attributes.Values)
                {
                    AppendSetHashText(v, text);
                    text.Append(';');
                }

                text.Append('>');
                return;
        }
    }

    /// <summary>Go's big.Float.String(): <c>%.10g</c> (exponent form below 1e-4 or from 1e10, trailing zeros dropped).</summary>
    private static string GoG10(double n)
    {
        var text = n.ToString("G10", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{text[..e]}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>Whether the value has a collection or structural type with zero elements.</summary>
    public int Length => Type.Kind is HclTypeKind.Map or HclTypeKind.Object ? Attributes.Count : Elements.Count;

    /// <summary>Exact equality of type and content, as cty's <c>RawEquals</c>.</summary>
    public bool RawEquals(HclValue other)
    {
        if (!IsKnown || !other.IsKnown)
        {
            return !IsKnown && !other.IsKnown && Type.Equals(other.Type);
        }

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
            HclTypeKind.Number => CompareNumbers(this, other) == 0,
            HclTypeKind.Bool => AsBool() == other.AsBool(),
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple =>
                Elements.Count == other.Elements.Count && Elements.Zip(other.Elements).All(p => p.First.RawEquals(p.Second)),
            HclTypeKind.Map or HclTypeKind.Object =>
                Attributes.Count == other.Attributes.Count &&
                Attributes.All(p => other.Attributes.TryGetValue(p.Key, out var o) && p.Value.RawEquals(o)),
            _ => false,
        };
    }

    /// <summary>A double written as cty writes a float64 number: Go's <c>big.Float.Text('f', -1)</c> at precision 53.</summary>
    public static string FormatNumber(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) <= 9007199254740992)
        {
            return number == 0 && double.IsNegative(number) ? "-0" : ((long)number).ToString(CultureInfo.InvariantCulture);
        }

        // big.Float.Text writes infinities as "+Inf" and "-Inf".
        return double.IsFinite(number) ? BinaryFloat.FromDouble(number).Text() : double.IsPositiveInfinity(number) ? "+Inf" : "-Inf";
    }

    /// <summary>A short debugging rendering of the value.</summary>
    public override string ToString() => !IsKnown ? "(unknown)" : IsNull ? "null" : Type.Kind switch
    {
        HclTypeKind.String => $"\"{AsString()}\"",
        HclTypeKind.Number => NumberText(),
        HclTypeKind.Bool => AsBool() ? "true" : "false",
        HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple => $"[{string.Join(", ", Elements)}]",
        _ => $"{{{string.Join(", ", Attributes.Select(a => $"{a.Key} = {a.Value}"))}}}",
    };
}

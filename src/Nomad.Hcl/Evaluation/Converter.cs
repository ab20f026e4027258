using System.Globalization;

namespace Nomad.Hcl.Evaluation;

/// <summary>cty's <c>convert.Convert</c>: safe and unsafe conversions between types, with cty's error texts.</summary>
public static class Converter
{
    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>, or throws <see cref="ConversionException"/>.</summary>
    public static HclValue Convert(HclValue value, HclType type)
    {
        if (type.Kind == HclTypeKind.Dynamic)
        {
            return value;
        }

        // convert.Convert: a type with no conversion fails with MismatchMessage before any value is looked at.
        if (!TypeConversion.Same(value.Type, type) && !TypeConversion.CanConvert(value.Type, type))
        {
            throw new ConversionException(MismatchMessage.For(value.Type, type));
        }

        if (value.IsNull)
        {
            return HclValue.NullOf(type);
        }

        if (!value.IsKnown)
        {
            // cty: converting an unknown value gives a plain unknown of the target type (its refinements are kept
            // only when no conversion is needed).
            return TypeConversion.Same(value.Type, type) ? value : HclValue.Unknown(type);
        }

        switch (type.Kind)
        {
            case HclTypeKind.String:
                return value.Type.Kind switch
                {
                    HclTypeKind.String => value,
                    HclTypeKind.Number => HclValue.String(value.NumberText()),
                    HclTypeKind.Bool => HclValue.String(value.AsBool() ? "true" : "false"),
                    _ => throw new ConversionException($"string required, but have {value.Type.FriendlyName}"),
                };
            case HclTypeKind.Number:
                if (value.Type.Kind == HclTypeKind.Number)
                {
                    return value;
                }

                if (value.Type.Kind == HclTypeKind.String &&
                    double.TryParse(value.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !double.IsInfinity(n))
                {
                    var text = value.AsString();
                    return text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+') && char.IsAsciiDigit(text[^1])
                        ? HclValue.ParseNumber(text)
                        : HclValue.Number(n);
                }

                throw new ConversionException(value.Type.Kind == HclTypeKind.String ? "a number is required" : $"number required, but have {value.Type.FriendlyName}");
            case HclTypeKind.Bool:
                if (value.Type.Kind == HclTypeKind.Bool)
                {
                    return value;
                }

                if (value.Type.Kind == HclTypeKind.String)
                {
                    switch (value.AsString())
                    {
                        case "true": return HclValue.True;
                        case "false": return HclValue.False;
                    }

                    throw new ConversionException("a bool is required");
                }

                throw new ConversionException($"bool required, but have {value.Type.FriendlyName}");
            case HclTypeKind.List or HclTypeKind.Set:
                {
                    if (value.Type.Kind is not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
                    {
                        throw new ConversionException($"{type.FriendlyName} required, but have {value.Type.FriendlyName}");
                    }

                    var elements = new List<HclValue>();
                    var i = 0;
                    foreach (var e in value.Elements)
                    {
                        elements.Add(Convert(e, type.Element!));
                        i++;
                    }

                    var elementType = type.Element!.Kind != HclTypeKind.Dynamic ? type.Element!
                        : value.Type.Kind == HclTypeKind.Tuple ? TypeConversion.ElementTypeFor(value.Type.Elements, HclType.Dynamic)!
                        : value.Type.Element!;
                    elements = [.. elements.Select(e => Convert(e, elementType))];
                    return type.Kind == HclTypeKind.List ? HclValue.List(elementType, elements) : HclValue.Set(elementType, elements);
                }

            case HclTypeKind.Map:
                {
                    if (value.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
                    {
                        throw new ConversionException($"{type.FriendlyName} required, but have {value.Type.FriendlyName}");
                    }

                    var keys = value.Attributes.Keys.ToList();
                    var converted = value.Attributes.Values.Select((e, idx) => Convert(e, type.Element!)).ToList();
                    var elementType = type.Element!.Kind != HclTypeKind.Dynamic ? type.Element!
                        : value.Type.Kind == HclTypeKind.Object ? TypeConversion.ElementTypeFor([.. value.Type.Attributes.Values], HclType.Dynamic)!
                        : value.Type.Element!;
                    converted = [.. converted.Select(e => Convert(e, elementType))];
                    var entries = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
                    for (var k = 0; k < keys.Count; k++)
                    {
                        entries[keys[k]] = converted[k];
                    }

                    return HclValue.Map(elementType, entries);
                }

            case HclTypeKind.Tuple:
                {
                    return HclValue.Tuple([.. value.Elements.Select((e, idx) => Convert(e, type.Elements[idx]))]);
                }

            case HclTypeKind.Object:
                {
                    var result = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
                    foreach (var (name, attrType) in type.Attributes)
                    {
                        if (!value.Attributes.TryGetValue(name, out var attr))
                        {
                            throw new ConversionException($"attribute \"{name}\" is required");
                        }

                        result[name] = Convert(attr, attrType);
                    }

                    return HclValue.Object(result);
                }
        }

        return value;
    }

    /// <summary>
    /// Finds one type all values convert to (cty's <c>UnifyUnsafe</c> of their types) and converts them to it;
    /// throws when there is none.
    /// </summary>
    public static HclType Unify(List<HclValue> values, out List<HclValue> converted)
    {
        converted = values;
        if (values.Count == 0)
        {
            return HclType.Dynamic;
        }

        var type = TypeConversion.Unify([.. values.Select(v => v.Type)]) ?? throw new ConversionException("all values must have the same type");
        converted = [.. values.Select(v => Convert(v, type))];
        return type;
    }
}

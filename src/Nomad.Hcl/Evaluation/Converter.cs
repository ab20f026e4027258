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

        if (value.IsNull)
        {
            return HclValue.NullOf(type);
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
                        elements.Add(ConvertElement(e, type.Element!, $"element {i}"));
                        i++;
                    }

                    var elementType = type.Element!.Kind == HclTypeKind.Dynamic ? Unify(elements, out elements) : type.Element!;
                    return type.Kind == HclTypeKind.List ? HclValue.List(elementType, elements) : HclValue.Set(elementType, elements);
                }

            case HclTypeKind.Map:
                {
                    if (value.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
                    {
                        throw new ConversionException($"{type.FriendlyName} required, but have {value.Type.FriendlyName}");
                    }

                    var keys = value.Attributes.Keys.ToList();
                    var converted = value.Attributes.Values.Select((e, idx) => ConvertElement(e, type.Element!, $"element \"{keys[idx]}\"")).ToList();
                    var elementType = type.Element!.Kind == HclTypeKind.Dynamic ? Unify(converted, out converted) : type.Element!;
                    var entries = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
                    for (var k = 0; k < keys.Count; k++)
                    {
                        entries[keys[k]] = converted[k];
                    }

                    return HclValue.Map(elementType, entries);
                }

            case HclTypeKind.Tuple:
                {
                    if (value.Type.Kind is not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
                    {
                        throw new ConversionException("tuple required");
                    }

                    if (value.Elements.Count != type.Elements.Count)
                    {
                        throw new ConversionException($"tuple required with exactly {type.Elements.Count} elements");
                    }

                    return HclValue.Tuple([.. value.Elements.Select((e, idx) => ConvertElement(e, type.Elements[idx], $"element {idx}"))]);
                }

            case HclTypeKind.Object:
                {
                    if (value.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
                    {
                        throw new ConversionException("object required");
                    }

                    var result = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
                    foreach (var (name, attrType) in type.Attributes)
                    {
                        if (!value.Attributes.TryGetValue(name, out var attr))
                        {
                            throw new ConversionException($"attribute \"{name}\" is required");
                        }

                        result[name] = ConvertElement(attr, attrType, $"attribute \"{name}\"");
                    }

                    return HclValue.Object(result);
                }
        }

        return value;
    }

    private static HclValue ConvertElement(HclValue value, HclType type, string path)
    {
        try
        {
            return Convert(value, type);
        }
        catch (ConversionException e)
        {
            throw new ConversionException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Finds one type all values convert to (cty's unification for <c>list(any)</c> and <c>map(any)</c>),
    /// converting them; throws when there is none.
    /// </summary>
    public static HclType Unify(List<HclValue> values, out List<HclValue> converted)
    {
        converted = values;
        if (values.Count == 0)
        {
            return HclType.Dynamic;
        }

        var first = values[0].Type;
        if (values.All(v => v.Type.Equals(first)))
        {
            return first;
        }

        if (values.All(v => v.Type.IsPrimitive || v.Type.Kind == HclTypeKind.Dynamic))
        {
            var target = values.All(v => v.Type.Kind is HclTypeKind.Number or HclTypeKind.Dynamic) ? HclType.Number
                : values.All(v => v.Type.Kind is HclTypeKind.Bool or HclTypeKind.Dynamic) ? HclType.Bool
                : HclType.String;
            converted = [.. values.Select(v => Convert(v, target))];
            return target;
        }

        if (values.All(v => v.Type.Kind is HclTypeKind.Object or HclTypeKind.Map))
        {
            var allEntries = values.SelectMany(v => v.Attributes.Values).ToList();
            try
            {
                var element = Unify(allEntries, out _);
                var mapType = HclType.Map(element);
                converted = [.. values.Select(v => Convert(v, mapType))];
                return mapType;
            }
            catch (ConversionException)
            {
            }
        }

        if (values.All(v => v.Type.Kind is HclTypeKind.Tuple or HclTypeKind.List))
        {
            var allElements = values.SelectMany(v => v.Elements).ToList();
            try
            {
                var element = Unify(allElements, out _);
                var listType = HclType.List(element);
                converted = [.. values.Select(v => Convert(v, listType))];
                return listType;
            }
            catch (ConversionException)
            {
            }
        }

        throw new ConversionException("all values must have the same type");
    }
}

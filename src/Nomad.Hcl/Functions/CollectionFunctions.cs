using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Collection functions of cty's stdlib as Nomad registers them.</summary>
internal static class CollectionFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        // The functions marked AllowUnknown answer for unknown values themselves (each as its cty implementation does);
        // the others give an unknown result for any argument not wholly known (FunctionCaller).
        table["length"] = Of(Length, P("collection", HclType.Dynamic)) with { AllowUnknown = true };
        table["concat"] = Variadic(Concat, P("seqs", HclType.Dynamic)) with { AllowUnknown = true };
        table["merge"] = Variadic(Merge, P("maps", HclType.Dynamic, allowNull: true)) with { AllowUnknown = true };
        table["keys"] = Of(a => Keys(a[0]), P("inputMap", HclType.Dynamic)) with { AllowUnknown = true };
        table["values"] = Of(a => Values(a[0]), P("mapping", HclType.Dynamic)) with { AllowUnknown = true };
        table["lookup"] = Of(Lookup, P("inputMap", HclType.Dynamic), P("key", HclType.String), P("default", HclType.Dynamic)) with { AllowUnknown = true };
        table["contains"] = Of(Contains, P("list", HclType.Dynamic), P("value", HclType.Dynamic)) with { AllowUnknown = true };
        table["element"] = Of(Element, P("list", HclType.Dynamic), P("index", HclType.Number)) with { AllowUnknown = true };
        table["index"] = Of(Index, P("collection", HclType.Dynamic), P("key", HclType.Dynamic)) with { AllowUnknown = true };
        table["range"] = Variadic(Range, P("params", HclType.Number));
        table["flatten"] = Of(a => HclValue.Tuple(Flatten(a[0])), P("list", HclType.Dynamic));
        table["distinct"] = Of(Distinct, P("list", HclType.List(HclType.Dynamic)));
        table["compact"] = Of(a => Strings(a[0].Elements.Where(e => !e.IsNull && e.AsString().Length > 0).Select(e => e.AsString())), P("list", HclType.List(HclType.String)));
        table["coalesce"] = Variadic(Coalesce, P("vals", HclType.Dynamic, allowNull: true)) with { AllowUnknown = true };
        table["coalescelist"] = Variadic(CoalesceList, P("vals", HclType.Dynamic, allowNull: true));
        table["slice"] = Of(Slice, P("list", HclType.Dynamic), P("start_index", HclType.Number), P("end_index", HclType.Number)) with { AllowUnknown = true };
        table["sort"] = Of(Sort, P("list", HclType.List(HclType.String))) with { AllowUnknown = true };
        table["zipmap"] = Of(Zipmap, P("keys", HclType.List(HclType.String)), P("values", HclType.Dynamic)) with { AllowUnknown = true };
        table["chunklist"] = Of(Chunk, P("list", HclType.List(HclType.Dynamic)), P("size", HclType.Number)) with { AllowUnknown = true };
    }

    // cty's ContainsFunc: an empty collection holds nothing; else unknown when the list or value is, or when no element
    // equals the value but one comparison is unknown.
    private static HclValue Contains(IReadOnlyList<HclValue> a)
    {
        if (!a[0].IsKnown && a[0].Type.Kind == HclTypeKind.Dynamic)
        {
            return HclValue.Unknown(HclType.Bool);
        }

        var elements = Sequence(a[0]);
        if (a[0].IsKnown && elements.Count == 0)
        {
            return HclValue.False;
        }

        if (!a[0].IsKnown || !a[1].IsKnown)
        {
            return HclValue.Unknown(HclType.Bool);
        }

        var unknown = false;
        foreach (var element in elements)
        {
            var equal = Operators.Equality(a[1], element);
            if (!equal.IsKnown)
            {
                unknown = true;
                continue;
            }

            if (equal.AsBool())
            {
                return HclValue.True;
            }
        }

        return unknown ? HclValue.Unknown(HclType.Bool) : HclValue.False;
    }

    private static IReadOnlyList<HclValue> Sequence(HclValue value) =>
        IsSequence(value) ? value.Elements : throw new FunctionException("argument must be list, tuple, or set");

    // cty's IndexFunc: a tuple needs a number key in range, a list a number, a map a string; the rest is refused.
    private static HclValue Index(IReadOnlyList<HclValue> a)
    {
        var (collection, key) = (a[0], a[1]);
        switch (collection.Type.Kind)
        {
            case HclTypeKind.Tuple:
                if (key.Type.Kind != HclTypeKind.Number)
                {
                    throw new FunctionException("key for tuple must be number");
                }

                if (!collection.IsKnown || !key.IsKnown)
                {
                    return HclValue.DynamicUnknown;
                }

                var index = WholeNumber(key, "invalid key for tuple: ");
                return index >= 0 && index < collection.Elements.Count
                    ? collection.Elements[(int)index]
                    : throw new FunctionException($"key must be between 0 and {collection.Elements.Count} inclusive");
            case HclTypeKind.List:
                if (key.Type.Kind != HclTypeKind.Number)
                {
                    throw new FunctionException("key for list must be number");
                }

                if (!collection.IsKnown || !key.IsKnown)
                {
                    return HclValue.Unknown(collection.Type.Element!);
                }

                var n = key.AsNumber();
                return n >= 0 && n < collection.Elements.Count && Math.Floor(n) == n ? collection.Elements[(int)n] : throw new FunctionException("invalid index");
            case HclTypeKind.Map:
                if (key.Type.Kind != HclTypeKind.String)
                {
                    throw new FunctionException("key for map must be string");
                }

                if (!collection.IsKnown || !key.IsKnown)
                {
                    return HclValue.Unknown(collection.Type.Element!);
                }

                return collection.Attributes.TryGetValue(key.AsString(), out var value) ? value : throw new FunctionException("invalid index");
            case HclTypeKind.Dynamic:
                return HclValue.DynamicUnknown;
            default:
                throw new FunctionException("collection must be a list, a map or a tuple");
        }
    }

    private static HclValue CoalesceList(IReadOnlyList<HclValue> a)
    {
        if (a.Count == 0)
        {
            throw new FunctionException("at least one argument is required");
        }

        if (a.Any(v => v.Type.Kind is not (HclTypeKind.List or HclTypeKind.Tuple)))
        {
            throw new FunctionException("coalescelist arguments must be lists or tuples");
        }

        return a.FirstOrDefault(v => !v.IsNull && v.Elements.Count > 0) ?? throw new FunctionException("no non-null arguments");
    }

    private static HclValue Sort(IReadOnlyList<HclValue> a)
    {
        if (!a[0].IsWhollyKnown)
        {
            // cty's SortFunc: the order is unknown, the length is not.
            return HclValue.Unknown(HclType.List(HclType.String), a[0].IsKnown ? a[0].Elements.Count : -1);
        }

        var elements = a[0].Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].IsNull)
            {
                throw new FunctionException($"given list element {i} is null; a null string cannot be sorted");
            }
        }

        return Strings(elements.Select(e => e.AsString()).Order(StringComparer.Ordinal));
    }

    private static HclValue Length(IReadOnlyList<HclValue> a)
    {
        var v = a[0];
        return v.Type.Kind switch
        {
            // cty's Length: known for a known collection (even with unknown elements, except a set's, which may
            // collapse), or where a refinement knows it.
            HclTypeKind.Dynamic => HclValue.Unknown(HclType.Number),
            // cty checks the argument's type before looking at its value: an unknown string is still no collection.
            not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple or HclTypeKind.Map) =>
                throw new FunctionException("collection must be a list, a map or a tuple"),
            HclTypeKind.Tuple when !v.IsKnown => HclValue.Number(v.Type.Elements.Count),
            _ when !v.IsKnown => v.KnownLength >= 0 ? HclValue.Number(v.KnownLength) : HclValue.Unknown(HclType.Number),
            HclTypeKind.Set when !v.IsWhollyKnown => HclValue.Unknown(HclType.Number),
            _ => HclValue.Number(v.Length),
        };
    }

    private static HclValue Concat(IReadOnlyList<HclValue> a)
    {
        if (a.Count == 0)
        {
            throw new FunctionException("at least one argument is required");
        }

        var all = new List<HclValue>();
        for (var i = 0; i < a.Count; i++)
        {
            if (!IsSequence(a[i]) && a[i].Type.Kind != HclTypeKind.Dynamic)
            {
                throw new FunctionException("all arguments must be lists or tuples; got " + a[i].Type.FriendlyName, i);
            }

            all.AddRange(a[i].Elements);
        }

        if (a.Any(v => !v.IsKnown))
        {
            return HclValue.DynamicUnknown;
        }

        return HclValue.Tuple(all);
    }

    private static HclValue Merge(IReadOnlyList<HclValue> a)
    {
        var result = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].IsNull)
            {
                continue;
            }

            if (a[i].Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object or HclTypeKind.Dynamic))
            {
                throw new FunctionException($"arguments must be maps or objects, got \"{a[i].Type.FriendlyName}\"");
            }

            if (!a[i].IsKnown)
            {
                return HclValue.DynamicUnknown;
            }

            foreach (var (k, v) in a[i].Attributes)
            {
                result[k] = v;
            }
        }

        return HclValue.Object(result);
    }

    private static HclValue Keys(HclValue map)
    {
        if (map.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object or HclTypeKind.Dynamic))
        {
            throw new FunctionException("must have map or object type", 0);
        }

        if (!map.IsKnown)
        {
            return map.Type.Kind == HclTypeKind.Map ? HclValue.Unknown(HclType.List(HclType.String)) : HclValue.DynamicUnknown;
        }

        return map.Type.Kind == HclTypeKind.Map ? Strings(map.Attributes.Keys) : HclValue.Tuple([.. map.Attributes.Keys.Select(HclValue.String)]);
    }

    private static HclValue Values(HclValue map)
    {
        if (map.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object or HclTypeKind.Dynamic))
        {
            throw new FunctionException("values() requires a map as the first argument");
        }

        if (!map.IsKnown)
        {
            return map.Type.Kind == HclTypeKind.Map ? HclValue.Unknown(HclType.List(map.Type.Element!)) : HclValue.DynamicUnknown;
        }

        return map.Type.Kind == HclTypeKind.Map ? HclValue.List(map.Type.Element!, [.. map.Attributes.Values]) : HclValue.Tuple([.. map.Attributes.Values]);
    }

    private static HclValue Lookup(IReadOnlyList<HclValue> a)
    {
        var (map, key) = (a[0], a[1].AsString());
        if (!map.IsKnown || !a[1].IsKnown)
        {
            return map.Type.Kind == HclTypeKind.Map ? HclValue.Unknown(map.Type.Element!) : HclValue.DynamicUnknown;
        }

        switch (map.Type.Kind)
        {
            case HclTypeKind.Object:
                return map.Attributes.TryGetValue(key, out var attribute) ? attribute : a[2];
            case HclTypeKind.Map:
                HclValue fallback;
                try
                {
                    fallback = Converter.Convert(a[2], map.Type.Element!);
                }
                catch (ConversionException)
                {
                    throw new FunctionException("the default value must have the same type as the map elements", 2);
                }

                return map.Attributes.TryGetValue(key, out var element) ? element : fallback;
            default:
                throw new FunctionException("lookup() requires a map as the first argument", 0);
        }
    }

    private static HclValue Element(IReadOnlyList<HclValue> a)
    {
        var list = a[0];
        if (list.Type.Kind is not (HclTypeKind.List or HclTypeKind.Tuple))
        {
            throw new FunctionException("cannot read elements from " + list.Type.FriendlyName);
        }

        if (!list.IsKnown || !a[1].IsKnown)
        {
            return list.Type.Kind == HclTypeKind.List ? HclValue.Unknown(list.Type.Element!) : HclValue.DynamicUnknown;
        }

        var index = WholeNumber(a[1], "invalid index: ");
        var count = list.Elements.Count;
        if (count == 0)
        {
            throw new FunctionException("cannot use element function with an empty list");
        }

        index %= count;
        return list.Elements[(int)(index < 0 ? index + count : index)];
    }

    private static HclValue Range(IReadOnlyList<HclValue> a)
    {
        double start = 0, step = 1, end;
        switch (a.Count)
        {
            case 1: end = a[0].AsNumber(); break;
            case 2: start = a[0].AsNumber(); end = a[1].AsNumber(); break;
            case 3: start = a[0].AsNumber(); end = a[1].AsNumber(); step = a[2].AsNumber(); break;
            default: throw new FunctionException("must have one, two, or three arguments");
        }

        if (a.Count < 3 && end < start)
        {
            step = -1;
        }

        // cty compares the step with zero by identity, so a zero step runs into the 1024-value limit.
        if (step < 0 && end > start)
        {
            throw new FunctionException("end must be less than start when step is negative", 1);
        }

        if (step >= 0 && end < start)
        {
            throw new FunctionException("end must be greater than start when step is positive", 1);
        }

        var items = new List<HclValue>();
        for (var v = start; step < 0 ? v > end : v < end; v += step)
        {
            if (items.Count >= 1024)
            {
                throw new FunctionException("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step");
            }

            items.Add(HclValue.Number(v));
        }

        return HclValue.List(HclType.Number, items);
    }

    private static List<HclValue> Flatten(HclValue list)
    {
        if (!IsSequence(list))
        {
            throw new FunctionException("can only flatten lists, sets and tuples");
        }

        var result = new List<HclValue>();
        foreach (var element in list.Elements)
        {
            if (!element.IsNull && IsSequence(element))
            {
                result.AddRange(Flatten(element));
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }

    private static HclValue Distinct(IReadOnlyList<HclValue> a)
    {
        var result = new List<HclValue>();
        foreach (var e in a[0].Elements)
        {
            if (!result.Any(r => r.RawEquals(e)))
            {
                result.Add(e);
            }
        }

        return HclValue.List(a[0].Type.Element!, result);
    }

    private static HclValue Coalesce(IReadOnlyList<HclValue> a)
    {
        if (a.Count == 0)
        {
            throw new FunctionException("all arguments must have the same type");
        }

        // cty stdlib coalesce: the return type is UnifyUnsafe of all argument types (nulls included), then the first
        // non-null argument converted to it.
        var type = TypeConversion.Unify([.. a.Select(v => v.Type)]) ?? throw new FunctionException("all arguments must have the same type");
        var first = a.FirstOrDefault(v => !v.IsNull || !v.IsKnown) ?? throw new FunctionException("no non-null arguments");
        return Converter.Convert(first, type);
    }

    private static HclValue Slice(IReadOnlyList<HclValue> a)
    {
        var list = a[0];
        if (list.Type.Kind is not (HclTypeKind.List or HclTypeKind.Tuple))
        {
            throw new FunctionException("must be a list or tuple value", 0);
        }

        if (!list.IsKnown || !a[1].IsKnown || !a[2].IsKnown)
        {
            return HclValue.DynamicUnknown;
        }

        var length = list.Elements.Count;
        var start = WholeNumber(a[1], "invalid start index: ", 1);
        if (start < 0)
        {
            throw new FunctionException("start index must not be less than zero", 1);
        }

        if (start > length)
        {
            throw new FunctionException("start index must not be greater than the length of the list", 1);
        }

        var end = WholeNumber(a[2], "invalid end index: ", 2);
        if (end < 0)
        {
            throw new FunctionException("end index must not be less than zero", 2);
        }

        if (end > length)
        {
            throw new FunctionException("end index must not be greater than the length of the list", 2);
        }

        if (start > end)
        {
            throw new FunctionException("start index must not be greater than end index", 1);
        }

        var items = list.Elements.Skip((int)start).Take((int)(end - start)).ToList();
        return list.Type.Kind == HclTypeKind.Tuple ? HclValue.Tuple(items) : HclValue.List(list.Type.Element!, items);
    }

    private static HclValue Zipmap(IReadOnlyList<HclValue> a)
    {
        if (!a[0].IsWhollyKnown || !a[1].IsKnown)
        {
            return HclValue.DynamicUnknown;
        }

        if (!IsSequence(a[1]))
        {
            throw new FunctionException("values argument must be a list or tuple value");
        }

        if (a[0].Elements.Count != a[1].Elements.Count)
        {
            throw new FunctionException($"number of keys ({a[0].Elements.Count}) does not match number of values ({a[1].Elements.Count})");
        }

        var result = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        for (var i = 0; i < a[0].Elements.Count; i++)
        {
            if (a[0].Elements[i].IsNull)
            {
                throw new FunctionException($"keys list has null value at index {i}");
            }

            result[a[0].Elements[i].AsString()] = a[1].Elements[i];
        }

        return HclValue.Object(result);
    }

    private static HclValue Chunk(IReadOnlyList<HclValue> a)
    {
        if (!a[0].IsKnown || !a[1].IsKnown)
        {
            return HclValue.Unknown(HclType.List(a[0].Type.Element ?? HclType.Dynamic));
        }

        var size = (int)WholeNumber(a[1], "invalid size: ");
        if (size < 0)
        {
            throw new FunctionException("the size argument must be positive");
        }

        var elements = a[0].Elements;
        var type = a[0].Type.Element!;
        if (size == 0)
        {
            return HclValue.List(HclType.List(type), [a[0]]);
        }

        var chunks = new List<HclValue>();
        for (var i = 0; i < elements.Count; i += size)
        {
            chunks.Add(HclValue.List(type, [.. elements.Skip(i).Take(size)]));
        }

        return HclValue.List(HclType.List(type), chunks);
    }
}

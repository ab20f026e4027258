using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Collection functions of cty's stdlib as Nomad registers them.</summary>
internal static class CollectionFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["length"] = Of(Length, P("value", HclType.Dynamic));
        table["concat"] = Variadic(Concat, P("seqs", HclType.Dynamic));
        table["merge"] = Variadic(Merge, P("maps", HclType.Dynamic, allowNull: true));
        table["keys"] = Of(a => Keys(a[0]), P("inputMap", HclType.Dynamic));
        table["values"] = Of(a => Values(a[0]), P("values", HclType.Dynamic));
        table["lookup"] = Variadic(Lookup, P("default", HclType.Dynamic, allowNull: true), P("inputMap", HclType.Dynamic), P("key", HclType.String));
        table["contains"] = Of(a => HclValue.Bool(Sequence(a[0], 0).Any(e => Operators.ValueEquals(e, a[1]))), P("list", HclType.Dynamic), P("value", HclType.Dynamic));
        table["element"] = Of(Element, P("list", HclType.Dynamic), P("index", HclType.Number));
        table["index"] = Of(a => Evaluator.Index(a[0], a[1], default), P("collection", HclType.Dynamic), P("key", HclType.Dynamic));
        table["range"] = Variadic(Range, P("params", HclType.Number));
        table["flatten"] = Of(a => HclValue.Tuple(Flatten(a[0])), P("list", HclType.Dynamic));
        table["distinct"] = Of(Distinct, P("list", HclType.List(HclType.Dynamic)));
        table["compact"] = Of(a => Strings(a[0].Elements.Where(e => !e.IsNull && e.AsString().Length > 0).Select(e => e.AsString())), P("list", HclType.List(HclType.String)));
        table["coalesce"] = Variadic(Coalesce, P("vals", HclType.Dynamic, allowNull: true));
        table["coalescelist"] = Variadic(a => a.FirstOrDefault(v => !v.IsNull && v.Elements.Count > 0) ?? throw new FunctionException("no non-null arguments"), P("vals", HclType.Dynamic, allowNull: true));
        table["slice"] = Of(Slice, P("list", HclType.Dynamic), P("start_index", HclType.Number), P("end_index", HclType.Number));
        table["sort"] = Of(a => Strings(a[0].Elements.Select(e => e.AsString()).Order(StringComparer.Ordinal)), P("list", HclType.List(HclType.String)));
        table["zipmap"] = Of(Zipmap, P("keys", HclType.List(HclType.String)), P("values", HclType.Dynamic));
        table["chunklist"] = Of(Chunk, P("list", HclType.List(HclType.Dynamic)), P("size", HclType.Number));
    }

    private static IReadOnlyList<HclValue> Sequence(HclValue value, int argument) =>
        IsSequence(value) ? value.Elements
        : value.Type.Kind is HclTypeKind.Map or HclTypeKind.Object ? [.. value.Attributes.Values]
        : throw new FunctionException("argument must be a list, tuple, or set", argument);

    private static HclValue Length(IReadOnlyList<HclValue> a)
    {
        var v = a[0];
        return v.Type.Kind switch
        {
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple or HclTypeKind.Map or HclTypeKind.Object => HclValue.Number(v.Length),
            _ => throw new FunctionException("collection must be a list, a map or a tuple"),
        };
    }

    private static HclValue Concat(IReadOnlyList<HclValue> a)
    {
        var all = new List<HclValue>();
        for (var i = 0; i < a.Count; i++)
        {
            if (!IsSequence(a[i]))
            {
                throw new FunctionException("all arguments must be lists or tuples; got " + a[i].Type.FriendlyName, i);
            }

            all.AddRange(a[i].Elements);
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

            if (a[i].Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
            {
                throw new FunctionException("arguments must be maps or objects, got " + a[i].Type.FriendlyName, i);
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
        if (map.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
        {
            throw new FunctionException("must have map or object type", 0);
        }

        return map.Type.Kind == HclTypeKind.Map ? Strings(map.Attributes.Keys) : HclValue.Tuple([.. map.Attributes.Keys.Select(HclValue.String)]);
    }

    private static HclValue Values(HclValue map)
    {
        if (map.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
        {
            throw new FunctionException("must be map or object", 0);
        }

        return map.Type.Kind == HclTypeKind.Map ? HclValue.List(map.Type.Element!, [.. map.Attributes.Values]) : HclValue.Tuple([.. map.Attributes.Values]);
    }

    private static HclValue Lookup(IReadOnlyList<HclValue> a)
    {
        if (a.Count > 3)
        {
            throw new FunctionException("lookup() takes no more than three arguments");
        }

        var map = a[0];
        if (map.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
        {
            throw new FunctionException("the given value is not a map or object", 0);
        }

        if (map.Attributes.TryGetValue(a[1].AsString(), out var value))
        {
            return value;
        }

        return a.Count == 3 ? a[2] : throw new FunctionException($"the given key \"{a[1].AsString()}\" was not found in the map and no default value was provided");
    }

    private static HclValue Element(IReadOnlyList<HclValue> a)
    {
        var list = a[0];
        if (list.Type.Kind is not (HclTypeKind.List or HclTypeKind.Tuple))
        {
            throw new FunctionException("cannot read elements from " + list.Type.FriendlyName, 0);
        }

        if (list.Elements.Count == 0)
        {
            throw new FunctionException("cannot use element function with an empty list");
        }

        var index = a[1].AsNumber();
        if (index != Math.Floor(index))
        {
            throw new FunctionException("invalid index: value must be a whole number", 1);
        }

        if (index < 0)
        {
            throw new FunctionException("cannot use element function with a negative index");
        }

        return list.Elements[(int)(index % list.Elements.Count)];
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

        if (step == 0)
        {
            throw new FunctionException("step must not be zero");
        }

        if ((step > 0 && end < start) || (step < 0 && end > start))
        {
            throw new FunctionException(step > 0 ? "step must be negative when end is less than start" : "step must be positive when end is greater than start");
        }

        var items = new List<HclValue>();
        for (var v = start; step > 0 ? v < end : v > end; v += step)
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
            throw new FunctionException("can only flatten lists, sets and tuples", 0);
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
            throw new FunctionException("no non-null arguments");
        }

        var nonNull = a.Where(v => !v.IsNull).ToList();
        List<HclValue> unified;
        try
        {
            Converter.Unify(nonNull, out unified);
        }
        catch (ConversionException)
        {
            throw new FunctionException("all arguments must have the same type");
        }

        return unified.Count > 0 ? unified[0] : throw new FunctionException("no non-null arguments");
    }

    private static HclValue Slice(IReadOnlyList<HclValue> a)
    {
        var list = a[0];
        if (list.Type.Kind is not (HclTypeKind.List or HclTypeKind.Tuple))
        {
            throw new FunctionException("must be a list or tuple value", 0);
        }

        var start = (int)a[1].AsNumber();
        var end = (int)a[2].AsNumber();
        if (start < 0)
        {
            throw new FunctionException("start index must not be less than zero", 1);
        }

        if (end > list.Elements.Count)
        {
            throw new FunctionException("end index must not be greater than the length of the list", 2);
        }

        if (start > end)
        {
            throw new FunctionException("start index must not be greater than end index", 1);
        }

        var items = list.Elements.Skip(start).Take(end - start).ToList();
        return list.Type.Kind == HclTypeKind.Tuple ? HclValue.Tuple(items) : HclValue.List(list.Type.Element!, items);
    }

    private static HclValue Zipmap(IReadOnlyList<HclValue> a)
    {
        if (!IsSequence(a[1]))
        {
            throw new FunctionException("values must be a list or tuple", 1);
        }

        if (a[0].Elements.Count != a[1].Elements.Count)
        {
            throw new FunctionException($"number of keys ({a[0].Elements.Count}) does not match number of values ({a[1].Elements.Count})");
        }

        var result = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        for (var i = 0; i < a[0].Elements.Count; i++)
        {
            result[a[0].Elements[i].AsString()] = a[1].Elements[i];
        }

        return HclValue.Object(result);
    }

    private static HclValue Chunk(IReadOnlyList<HclValue> a)
    {
        var size = (int)a[1].AsNumber();
        if (size < 0)
        {
            throw new FunctionException("the size argument must be positive", 1);
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

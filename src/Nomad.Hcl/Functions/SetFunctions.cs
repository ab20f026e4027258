using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Set functions of cty's stdlib: setunion, setintersection, setproduct.</summary>
internal static class SetFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["setunion"] = Variadic(a => Combine(a, union: true), P("other_sets", HclType.Set(HclType.Dynamic)), P("first_set", HclType.Set(HclType.Dynamic)));
        table["setintersection"] = Variadic(a => Combine(a, union: false), P("other_sets", HclType.Set(HclType.Dynamic)), P("first_set", HclType.Set(HclType.Dynamic)));
        table["setproduct"] = Variadic(Product, P("sets", HclType.Dynamic)) with { AllowUnknown = true };
    }

    // The sets are converted to one element type (cty unifies the arguments' element types) before comparing.
    private static HclValue Combine(IReadOnlyList<HclValue> sets, bool union)
    {
        var all = sets.SelectMany(s => s.Elements).ToList();
        if (all.Count == 0)
        {
            return HclValue.Set(sets.Select(s => s.Type.Element!).FirstOrDefault(t => t.Kind != HclTypeKind.Dynamic) ?? HclType.Dynamic, []);
        }

        HclType type;
        try
        {
            type = Converter.Unify(all, out _);
        }
        catch (ConversionException)
        {
            throw new FunctionException("given sets must all have compatible element types");
        }

        var converted = sets.Select(s => s.Elements.Select(e => Converter.Convert(e, type)).ToList()).ToList();
        if (union)
        {
            return HclValue.Set(type, converted.SelectMany(e => e));
        }

        return HclValue.Set(type, converted[0].Where(e => converted.Skip(1).All(other => other.Any(o => o.RawEquals(e)))));
    }

    // setproduct of lists gives a list of tuples in order; of sets, a set; any empty argument gives an empty result.
    private static HclValue Product(IReadOnlyList<HclValue> args)
    {
        if (args.Count < 2)
        {
            throw new FunctionException("at least two arguments are required");
        }

        var isSet = args.All(a => a.Type.Kind == HclTypeKind.Set);
        for (var i = 0; i < args.Count; i++)
        {
            if (!IsSequence(args[i]) && args[i].Type.Kind != HclTypeKind.Dynamic)
            {
                throw new FunctionException("a set or a list is required", i);
            }
        }

        // cty's SetProductFunc: an unknown argument, or a set holding an unknown element, gives an unknown product;
        // a list's unknown elements are carried into the product's tuples.
        if (args.Any(a => !a.IsKnown || (a.Type.Kind == HclTypeKind.Set && !a.IsWhollyKnown)))
        {
            return HclValue.DynamicUnknown;
        }

        IEnumerable<List<HclValue>> rows = [[]];
        foreach (var arg in args)
        {
            var elements = arg.Elements;
            rows = rows.SelectMany(row => elements.Select(e => new List<HclValue>(row) { e })).ToList();
        }

        var tuples = rows.Select(r => HclValue.Tuple(r)).ToList();
        if (tuples.Count == 0)
        {
            return isSet ? HclValue.Set(HclType.Dynamic, []) : HclValue.List(HclType.Dynamic, []);
        }

        var type = Converter.Unify(tuples, out var unified);
        return isSet ? HclValue.Set(type, unified) : HclValue.List(type, unified);
    }
}

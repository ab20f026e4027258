using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>Number functions of cty's stdlib as Nomad registers them.</summary>
internal static class NumberFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["abs"] = Of(a => HclValue.CompareNumbers(a[0], Zero) < 0 ? a[0].Negate() : a[0], P("num", HclType.Number));
        table["ceil"] = Of(a => WholePart(a[0], ceiling: true), P("num", HclType.Number));
        table["floor"] = Of(a => WholePart(a[0], ceiling: false), P("num", HclType.Number));
        table["signum"] = Of(a => HclValue.Number(Math.Sign(WholeNumber(a[0]))), P("num", HclType.Number));
        table["log"] = Of(a => HclValue.Number(NotNaN(Math.Log(a[0].AsNumber()) / Math.Log(a[1].AsNumber()))), P("num", HclType.Number), P("base", HclType.Number));
        table["pow"] = Of(a => HclValue.Number(NotNaN(Math.Pow(a[0].AsNumber(), a[1].AsNumber()))), P("num", HclType.Number), P("power", HclType.Number));
        table["max"] = Variadic(a => a.Count == 0 ? throw new FunctionException("must pass at least one number") : Extreme(a, 1), P("numbers", HclType.Number));
        table["min"] = Variadic(a => a.Count == 0 ? throw new FunctionException("must pass at least one number") : Extreme(a, -1), P("numbers", HclType.Number));
        table["parseint"] = Of(ParseInt, P("number", HclType.Dynamic), P("base", HclType.Number));
    }

    private static readonly HclValue Zero = HclValue.Number(0);

    // cty's Max/Min keep the first argument that is greater (less) than all before it, at full precision.
    private static HclValue Extreme(IReadOnlyList<HclValue> numbers, int direction)
    {
        var best = numbers[0];
        foreach (var n in numbers.Skip(1))
        {
            if (HclValue.CompareNumbers(n, best) * direction > 0)
            {
                best = n;
            }
        }

        return best;
    }

    // cty's Floor/Ceil: exact on big.Float (whole numbers of any size), infinities kept.
    private static HclValue WholePart(HclValue number, bool ceiling)
    {
        if (number.IsInfinite)
        {
            return number;
        }

        if (number.TryGetExact(out var exact))
        {
            return HclValue.Exact(ceiling ? decimal.Ceiling(exact) : decimal.Floor(exact));
        }

        var binary = number.AsBinary();
        var whole = binary.Truncate();
        if (!binary.IsInteger && binary.Negative != ceiling)
        {
            whole += ceiling ? 1 : -1;
        }

        return HclValue.Number(BinaryFloat.FromInteger(whole));
    }

    // cty's number values cannot hold NaN: making one panics inside the function, which cty reports as an error.
    private static double NotNaN(double n) => double.IsNaN(n) ? throw Panic("Float.SetFloat64(NaN)") : n;

    private static HclValue ParseInt(IReadOnlyList<HclValue> a)
    {
        if (a[0].Type.Kind != HclTypeKind.String)
        {
            throw new FunctionException("first argument must be a string, not " + a[0].Type.FriendlyName, 0);
        }

        var b = WholeNumber(a[1], "", 1);
        if (b < 2 || b > 62)
        {
            throw new FunctionException("base must be a whole number between 2 and 62 inclusive", 1);
        }

        const string digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = a[0].AsString();
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        var result = System.Numerics.BigInteger.Zero;
        foreach (var c in body)
        {
            var d = b <= 36 ? digits.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal) : digits.IndexOf(c, StringComparison.Ordinal);
            if (d < 0 || d >= b || body.Length == 0)
            {
                throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(text)} as a base {b} integer", 0);
            }

            result = (result * b) + d;
        }

        if (body.Length == 0)
        {
            throw new FunctionException($"cannot parse {CryptoFunctions.GoQuote(text)} as a base {b} integer", 0);
        }

        return HclValue.Number(BinaryFloat.FromInteger(negative ? -result : result));
    }
}

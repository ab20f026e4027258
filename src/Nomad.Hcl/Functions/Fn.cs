using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Functions;

/// <summary>Shorthands for declaring functions.</summary>
internal static class Fn
{
    public static FunctionParameter P(string name, HclType type, bool allowNull = false) => new(name, type, allowNull);

    public static HclFunction Of(Func<IReadOnlyList<HclValue>, HclValue> body, params FunctionParameter[] parameters) => new(parameters, null, body);

    public static HclFunction Variadic(Func<IReadOnlyList<HclValue>, HclValue> body, FunctionParameter variadic, params FunctionParameter[] parameters) => new(parameters, variadic, body);

    public static HclFunction StringToString(Func<string, string> body) => Of(a => HclValue.String(body(a[0].AsString())), P("str", HclType.String));

    public static HclFunction NumberToNumber(Func<double, double> body) => Of(a => HclValue.Number(body(a[0].AsNumber())), P("num", HclType.Number));

    public static HclValue Strings(IEnumerable<string> items) => HclValue.List(HclType.String, [.. items.Select(HclValue.String)]);

    public static bool IsSequence(HclValue v) => v.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple;

    /// <summary>gocty's conversion of a number to a Go int64, failing with its text (prefixed when given).</summary>
    public static long WholeNumber(HclValue v, string prefix = "", int argument = -1)
    {
        var n = v.AsNumber();
        if (double.IsFinite(n) && Math.Floor(n) == n && n >= -9.2233720368547758E18 && n < 9.2233720368547758E18)
        {
            return (long)n;
        }

        return argument >= 0
            ? throw new FunctionException(prefix + "value must be a whole number, between -9223372036854775808 and 9223372036854775807", argument)
            : throw new FunctionException(prefix + "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
    }

    /// <summary>
    /// A Go panic inside a cty function: cty reports it as "panic in function implementation: …" followed by the Go
    /// stack on the next lines, which is not reproduced.
    /// </summary>
    public static FunctionException Panic(string value) => new($"panic in function implementation: {value}\n(Go stack trace)");
}

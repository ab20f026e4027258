using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>HCL's operators, which are cty stdlib functions applied to converted operands.</summary>
internal static class Operators
{
    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>
    /// hclsyntax's UnaryOpExpr: the operand's errors (<paramref name="diagnostics"/>) and its conversion's; with any, or
    /// when the operation fails, the result is an unknown of the operator's type.
    /// </summary>
    public static HclValue Unary(UnaryExpression unary, HclValue operand, List<HclDiagnostic> diagnostics)
    {
        var type = unary.IsNegation ? HclType.Number : HclType.Bool;
        var value = Operand(operand, type, "unary operand", unary.Operand.Range, diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new EvaluationException(diagnostics, HclValue.Unknown(type));
        }

        try
        {
            NotNull(unary.Range, value);
        }
        catch (EvaluationException e)
        {
            throw e.WithValue(HclValue.Unknown(type));
        }

        if (!value.IsKnown)
        {
            return HclValue.Unknown(type, notNull: true);
        }

        return unary.IsNegation ? value.Negate() : HclValue.Bool(!value.AsBool());
    }

    /// <summary>
    /// The operation's cty function refuses a null argument after the conversions succeeded (hclsyntax's
    /// <c>impl.Call</c> failing): "Operation failed" over the whole expression.
    /// </summary>
    private static void NotNull(SourceRange range, params ReadOnlySpan<HclValue> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.IsNull)
            {
                throw Error("Operation failed", "Error during operation: argument must not be null.", range);
            }
        }
    }

    private static HclValue Operand(HclValue value, HclType type, string which, SourceRange range, List<HclDiagnostic> diagnostics)
    {
        try
        {
            return Converter.Convert(value, type);
        }
        catch (ConversionException e)
        {
            diagnostics.Add(new HclDiagnostic("Invalid operand", $"Unsuitable value for {which}: {e.Message}.", range));
            return HclValue.Unknown(type);
        }
    }

    /// <summary>
    /// hclsyntax's BinaryOpExpr: the operands' errors (<paramref name="diagnostics"/>), then both conversions'; with
    /// any, or when the operation fails, the result is an unknown of the operator's type (so a later use of it can
    /// fail as a number or a bool).
    /// </summary>
    public static HclValue Binary(BinaryExpression binary, HclValue left, HclValue right, List<HclDiagnostic> diagnostics)
    {
        var type = binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply
            or BinaryOperator.Divide or BinaryOperator.Modulo ? HclType.Number : HclType.Bool;
        HclValue l = left, r = right;
        if (binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            var operandType = binary.Operator is BinaryOperator.And or BinaryOperator.Or ? HclType.Bool : HclType.Number;
            l = Operand(left, operandType, "left operand", binary.Left.Range, diagnostics);
            r = Operand(right, operandType, "right operand", binary.Right.Range, diagnostics);
        }

        if (diagnostics.Count > 0)
        {
            throw new EvaluationException(diagnostics, HclValue.Unknown(type));
        }

        try
        {
            return Apply(binary, l, r);
        }
        catch (EvaluationException e)
        {
            throw e.WithValue(HclValue.Unknown(type));
        }
    }

    private static HclValue Apply(BinaryExpression binary, HclValue left, HclValue right)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return Equality(left, right);
            case BinaryOperator.NotEqual:
                {
                    var equal = Equality(left, right);
                    return equal.IsKnown ? HclValue.Bool(!equal.AsBool()) : equal;
                }

            case BinaryOperator.And or BinaryOperator.Or:
                {
                    // cty's And/Or of this version do not short-circuit: any unknown operand makes the result unknown.
                    var l = left;
                    var r = right;
                    NotNull(binary.Range, l, r);
                    return !l.IsKnown || !r.IsKnown ? HclValue.Unknown(HclType.Bool, notNull: true)
                        : HclValue.Bool(binary.Operator == BinaryOperator.And ? l.AsBool() && r.AsBool() : l.AsBool() || r.AsBool());
                }
        }

        var a = left;
        var b = right;
        NotNull(binary.Range, a, b);
        if (!a.IsKnown || !b.IsKnown)
        {
            // cty's functions answer unknown of their return type for an unknown argument.
            // Every operator function refines its result as not null.
            return HclValue.Unknown(binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply
                or BinaryOperator.Divide or BinaryOperator.Modulo ? HclType.Number : HclType.Bool, notNull: true);
        }

        switch (binary.Operator)
        {
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply:
                return a.IsInfinite || b.IsInfinite
                    ? Infinite(binary, Finite(a), Finite(b))
                    : Arithmetic(binary.Operator, a, b);
            case BinaryOperator.Divide:
                {
                    // cty's Divide is big.Float.Quo: x/0 is ±Inf; 0/0 and Inf/Inf panic, which DivideFunc reports.
                    double x = Finite(a), y = Finite(b);
                    if ((x == 0 && y == 0) || (a.IsInfinite && b.IsInfinite))
                    {
                        throw Error("Operation failed", "Error during operation: can't divide zero by zero or infinity by infinity.", binary.Range);
                    }

                    return y == 0 || a.IsInfinite || b.IsInfinite
                        ? HclValue.Number(x / y)
                        : HclValue.Number(BinaryFloat.Divide(a.AsBinary(), b.AsBinary()));
                }

            case BinaryOperator.Modulo:
                {
                    // cty's Modulo: with an infinity it is the product (Inf × 0 panics: ModuloFunc's error); x % 0 is x.
                    double x = a.AsNumber(), y = b.AsNumber();
                    if (a.IsInfinite || b.IsInfinite)
                    {
                        return x == 0 || y == 0
                            ? throw Error("Operation failed", "Error during operation: can't use modulo with zero and infinity.", binary.Range)
                            : HclValue.Number(x * y);
                    }

                    if (y == 0)
                    {
                        return a;
                    }

                    // Whole numbers are exact either way; a fraction is computed at 512 bits as cty does (5.7 % 2 is
                    // 1.6999…998, since 5.7 is not exact in binary).
                    return a.TryGetExact(out var ex) && b.TryGetExact(out var ey) && ex == decimal.Truncate(ex) && ey == decimal.Truncate(ey)
                        ? HclValue.Exact(ex % ey)
                        : HclValue.Number(BinaryFloat.Modulo(a.AsBinary(), b.AsBinary()));
                }

            case BinaryOperator.LessThan: return HclValue.Bool(HclValue.CompareNumbers(a, b) < 0);
            case BinaryOperator.LessThanOrEqual: return HclValue.Bool(HclValue.CompareNumbers(a, b) <= 0);
            case BinaryOperator.GreaterThan: return HclValue.Bool(HclValue.CompareNumbers(a, b) > 0);
            default: return HclValue.Bool(HclValue.CompareNumbers(a, b) >= 0);
        }
    }

    // A number's double for the infinity rules: a finite number beyond a double's range (1e400) stays finite.
    private static double Finite(HclValue number) =>
        number.IsInfinite || double.IsFinite(number.AsNumber()) ? number.AsNumber() : Math.CopySign(double.MaxValue, number.AsNumber());

    // cty's Add/Subtract/Multiply with an infinity (big.Float): the NaN cases panic and the functions report them.
    private static HclValue Infinite(BinaryExpression binary, double x, double y)
    {
        var result = binary.Operator switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            _ => x * y,
        };
        if (double.IsNaN(result))
        {
            var message = binary.Operator switch
            {
                BinaryOperator.Add => "can't compute sum of opposing infinities",
                BinaryOperator.Subtract => "can't subtract infinity from itself",
                _ => "can't multiply zero by infinity",
            };
            throw Error("Operation failed", $"Error during operation: {message}.", binary.Range);
        }

        return HclValue.Number(result);
    }

    /// <summary>
    /// cty's Add/Subtract/Multiply: whole decimals stay exact (as they are in 512 bits); anything else is computed
    /// at 512 bits so that its text is cty's.
    /// </summary>
    private static HclValue Arithmetic(BinaryOperator op, HclValue a, HclValue b)
    {
        if (a.TryGetExact(out var x) && b.TryGetExact(out var y) && x == decimal.Truncate(x) && y == decimal.Truncate(y))
        {
            try
            {
                return HclValue.Exact(op switch
                {
                    BinaryOperator.Add => x + y,
                    BinaryOperator.Subtract => x - y,
                    _ => x * y,
                });
            }
            catch (OverflowException)
            {
                // beyond a decimal: computed in binary below
            }
        }

        return HclValue.Number(op == BinaryOperator.Multiply
            ? BinaryFloat.Multiply(a.AsBinary(), b.AsBinary())
            : BinaryFloat.Add(a.AsBinary(), b.AsBinary(), subtract: op == BinaryOperator.Subtract));
    }

    /// <summary>cty's <c>Value.Equals</c> as a value: unknown when an unknown value inside decides it.</summary>
    public static HclValue Equality(HclValue left, HclValue right)
    {
        if (left.IsWhollyKnown && right.IsWhollyKnown)
        {
            return HclValue.Bool(ValueEquals(left, right));
        }

        return UnknownEquals(left, right) is { } known ? HclValue.Bool(known) : HclValue.Unknown(HclType.Bool, notNull: true);
    }

    /// <summary>
    /// cty's <c>Value.Equals</c> where an unknown value is involved: null when the answer is unknown. Both unknown, or a
    /// null or unknown-typed value against an unknown one: unknown; otherwise values whose types cannot conform are
    /// unequal, and elements are compared in order until one comparison is unknown or false.
    /// </summary>
    private static bool? UnknownEquals(HclValue a, HclValue b)
    {
        if ((a.IsNull && b.DefinitelyNotNull) || (b.IsNull && a.DefinitelyNotNull))
        {
            return false;
        }

        if (!a.IsKnown || !b.IsKnown)
        {
            if (!a.IsKnown && !b.IsKnown)
            {
                return null;
            }

            var (known, unknown) = a.IsKnown ? (a, b) : (b, a);
            if (known.IsNull || unknown.Type.HasDynamic)
            {
                return null;
            }

            return TypeConversion.Same(known.Type, unknown.Type) ? null : false;
        }

        if (a.IsNull || b.IsNull)
        {
            return a.IsNull && b.IsNull;
        }

        if (a.Type.HasDynamic || b.Type.HasDynamic)
        {
            return Conforms(a.Type, b.Type) || Conforms(b.Type, a.Type) ? null : false;
        }

        if (!TypeConversion.Same(a.Type, b.Type))
        {
            return false;
        }

        if (a.Type.Kind is HclTypeKind.Map or HclTypeKind.Object)
        {
            if (a.Attributes.Count != b.Attributes.Count)
            {
                return false;
            }

            foreach (var (k, v) in a.Attributes)
            {
                if (!b.Attributes.TryGetValue(k, out var o))
                {
                    return false;
                }

                var equal = v.IsWhollyKnown && o.IsWhollyKnown ? ValueEquals(v, o) : UnknownEquals(v, o);
                if (equal != true)
                {
                    return equal;
                }
            }

            return true;
        }

        if (a.Elements.Count != b.Elements.Count)
        {
            return a.Type.Kind == HclTypeKind.Set ? null : false;
        }

        for (var i = 0; i < a.Elements.Count; i++)
        {
            var (x, y) = (a.Elements[i], b.Elements[i]);
            var equal = x.IsWhollyKnown && y.IsWhollyKnown ? ValueEquals(x, y) : UnknownEquals(x, y);
            if (equal != true)
            {
                return equal;
            }
        }

        return true;
    }

    /// <summary>cty's TestConformance: the types are equal where <c>any</c> in <paramref name="want"/> matches anything.</summary>
    private static bool Conforms(HclType want, HclType given)
    {
        if (want.Kind == HclTypeKind.Dynamic)
        {
            return true;
        }

        if (want.Kind != given.Kind)
        {
            return false;
        }

        return want.Kind switch
        {
            HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Map => Conforms(want.Element!, given.Element!),
            HclTypeKind.Tuple => want.Elements.Count == given.Elements.Count && want.Elements.Zip(given.Elements).All(p => Conforms(p.First, p.Second)),
            HclTypeKind.Object => want.Attributes.Count == given.Attributes.Count &&
                want.Attributes.All(p => given.Attributes.TryGetValue(p.Key, out var g) && Conforms(p.Value, g)),
            _ => true,
        };
    }

    /// <summary>cty's <c>Equals</c>: values of different kinds are unequal; collections compare element by element.</summary>
    public static bool ValueEquals(HclValue a, HclValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            return a.IsNull && b.IsNull;
        }

        var ka = a.Type.Kind;
        var kb = b.Type.Kind;
        var seqA = ka is HclTypeKind.List or HclTypeKind.Tuple or HclTypeKind.Set;
        var seqB = kb is HclTypeKind.List or HclTypeKind.Tuple or HclTypeKind.Set;
        var mapA = ka is HclTypeKind.Map or HclTypeKind.Object;
        var mapB = kb is HclTypeKind.Map or HclTypeKind.Object;
        if (seqA && seqB)
        {
            return a.Elements.Count == b.Elements.Count && a.Elements.Zip(b.Elements).All(p => ValueEquals(p.First, p.Second));
        }

        if (mapA && mapB)
        {
            return a.Attributes.Count == b.Attributes.Count &&
                a.Attributes.All(p => b.Attributes.TryGetValue(p.Key, out var o) && ValueEquals(p.Value, o));
        }

        return ka == kb && a.RawEquals(b);
    }
}

using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>HCL's operators, which are cty stdlib functions applied to converted operands.</summary>
internal static class Operators
{
    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    public static HclValue Unary(UnaryExpression unary, HclValue operand)
    {
        if (unary.IsNegation)
        {
            return Operand(operand, HclType.Number, "operand", unary.Operand.Range).Negate();
        }

        return HclValue.Bool(!Operand(operand, HclType.Bool, "operand", unary.Operand.Range).AsBool());
    }

    private static HclValue Operand(HclValue value, HclType type, string which, SourceRange range)
    {
        if (value.IsNull)
        {
            throw Error("Invalid operand", $"Unsuitable value for {which}: argument must not be null.", range);
        }

        try
        {
            return Converter.Convert(value, type);
        }
        catch (ConversionException e)
        {
            throw Error("Invalid operand", $"Unsuitable value for {which}: {e.Message}.", range);
        }
    }

    public static HclValue Binary(BinaryExpression binary, HclValue left, HclValue right)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return HclValue.Bool(ValueEquals(left, right));
            case BinaryOperator.NotEqual:
                return HclValue.Bool(!ValueEquals(left, right));
            case BinaryOperator.And or BinaryOperator.Or:
                {
                    var l = Operand(left, HclType.Bool, "left operand", binary.Left.Range).AsBool();
                    var r = Operand(right, HclType.Bool, "right operand", binary.Right.Range).AsBool();
                    return HclValue.Bool(binary.Operator == BinaryOperator.And ? l && r : l || r);
                }
        }

        var a = Operand(left, HclType.Number, "left operand", binary.Left.Range);
        var b = Operand(right, HclType.Number, "right operand", binary.Right.Range);
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

                    return a.TryGetExact(out var ex) && b.TryGetExact(out var ey) ? HclValue.Exact(ex % ey) : HclValue.Number(BinaryFloat.Modulo(a.AsBinary(), b.AsBinary()));
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

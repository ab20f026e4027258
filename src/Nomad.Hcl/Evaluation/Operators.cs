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
            return HclValue.Number(-Operand(operand, HclType.Number, "operand", unary.Operand.Range).AsNumber());
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

        var a = Operand(left, HclType.Number, "left operand", binary.Left.Range).AsNumber();
        var b = Operand(right, HclType.Number, "right operand", binary.Right.Range).AsNumber();
        switch (binary.Operator)
        {
            case BinaryOperator.Add: return HclValue.Number(a + b);
            case BinaryOperator.Subtract: return HclValue.Number(a - b);
            case BinaryOperator.Multiply: return HclValue.Number(a * b);
            case BinaryOperator.Divide:
                if (b == 0)
                {
                    throw Error("Operation failed", "Error during operation: can't divide by zero.", binary.Range);
                }

                return HclValue.Number(a / b);
            case BinaryOperator.Modulo:
                if (b == 0)
                {
                    throw Error("Operation failed", "Error during operation: can't use modulo by zero.", binary.Range);
                }

                return HclValue.Number(a % b);
            case BinaryOperator.LessThan: return HclValue.Bool(a < b);
            case BinaryOperator.LessThanOrEqual: return HclValue.Bool(a <= b);
            case BinaryOperator.GreaterThan: return HclValue.Bool(a > b);
            default: return HclValue.Bool(a >= b);
        }
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

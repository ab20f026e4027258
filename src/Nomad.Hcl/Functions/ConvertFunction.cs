using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Functions;

/// <summary>
/// HCL's <c>typeexpr.ConvertFunc</c> (<c>convert(value, type)</c>): the second argument is a type expression read by
/// <see cref="TypeExpression"/>, not a value, so the evaluator hands the whole call here.
/// </summary>
internal static class ConvertFunction
{
    public const string Name = "convert";

    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>Evaluates <c>convert(value, type)</c> with hclsyntax's argument checks and cty's conversion errors.</summary>
    public static HclValue Invoke(FunctionCallExpression call, EvaluationContext context)
    {
        if (call.Arguments.Count < 2)
        {
            var missing = call.Arguments.Count == 0 ? "value" : "type";
            throw Error("Not enough function arguments", $"Function \"{Name}\" expects 2 argument(s). Missing value for \"{missing}\".", SourceRange.Between(call.CloseParenRange, call.CloseParenRange));
        }

        if (call.Arguments.Count > 2)
        {
            throw Error("Too many function arguments", $"Function \"{Name}\" expects only 2 argument(s).", ExpressionRanges.Start(call.Arguments[2]));
        }

        // hclsyntax decodes arguments in order: the value first, then the type expression.
        var value = Evaluator.Evaluate(call.Arguments[0], context);
        var type = TypeExpression.Read(call.Arguments[1]);
        try
        {
            return Converter.Convert(value, type);
        }
        catch (ConversionException e)
        {
            throw Error("Invalid function argument", $"Invalid value for \"value\" parameter: {Message(e, value, type)}.", ExpressionRanges.Start(call.Arguments[0]));
        }
    }

    // cty's conversion errors are path errors whose text is the innermost message alone (no "element 0: " prefix).
    private static string Message(ConversionException e, HclValue value, HclType type)
    {
        // Top-level mismatches worded as cty's convert words them.
        var sequence = value.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple;
        if (type.Kind == HclTypeKind.Object && !value.IsNull && value.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object))
        {
            return $"object required, but have {value.Type.FriendlyName}";
        }

        if (type.Kind == HclTypeKind.Tuple && sequence && value.Elements.Count != type.Elements.Count)
        {
            return "tuple required";
        }

        if ((type.Kind is HclTypeKind.List or HclTypeKind.Set && value.Type.Kind == HclTypeKind.Object) ||
            (type.Kind == HclTypeKind.Map && value.Type.Kind == HclTypeKind.Tuple))
        {
            return $"{type.FriendlyName} required";
        }

        Exception inner = e;
        while (inner.InnerException is ConversionException deeper)
        {
            inner = deeper;
        }

        if (inner.Message != "all values must have the same type")
        {
            return inner.Message;
        }

        var kind = Innermost(type);
        return kind switch
        {
            HclTypeKind.Map => "all map elements must have the same type",
            HclTypeKind.Set => "all set elements must have the same type",
            _ => "all list elements must have the same type",
        };
    }

    // The collection kind whose element type is "any", where cty's unification fails.
    private static HclTypeKind Innermost(HclType type)
    {
        var current = type;
        while (current.Element is { } element && element.Kind != HclTypeKind.Dynamic)
        {
            current = element;
        }

        return current.Kind;
    }
}

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
            // An unknown result loses its refinements (cty answers UnknownVal of the type).
            var converted = Converter.Convert(value, type);
            return converted.IsKnown ? converted : HclValue.Unknown(converted.Type);
        }
        catch (ConversionException e)
        {
            throw Error("Invalid function argument", $"Invalid value for \"value\" parameter: {e.Message}.", ExpressionRanges.Start(call.Arguments[0]));
        }
    }
}

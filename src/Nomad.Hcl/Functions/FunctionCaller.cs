using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Functions;

/// <summary>
/// Checks argument counts and types, then runs a function, reporting failures with HCL's texts; an argument's
/// error points at its start range (hclsyntax's <c>StartRange</c>), as Nomad reports it.
/// </summary>
internal static class FunctionCaller
{
    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>hclsyntax's unknown-function error, with its "Did you mean" for a name within edit distance 2.</summary>
    public static EvaluationException UnknownFunction(FunctionCallExpression call, IEnumerable<string> available)
    {
        // A namespaced name (hclsyntax's FunctionCallExpr.Value): the namespace's functions, or none.
        var separator = call.Name.LastIndexOf("::", StringComparison.Ordinal);
        if (separator >= 0)
        {
            var space = call.Name[..(separator + 2)];
            var name = call.Name[(separator + 2)..];
            var inSpace = available.Where(f => f.StartsWith(space, StringComparison.Ordinal)).ToList();
            if (inSpace.Count == 0)
            {
                return Error("Call to unknown function", $"There are no functions in namespace \"{space}\".", call.NameRange);
            }

            var near = NameSuggestion.Nearest(name, inSpace);
            return Error("Call to unknown function", $"There is no function named \"{name}\" in namespace {space}.{(near is null ? "" : $" Did you mean {space}{near}?")}", call.NameRange);
        }

        var suggestion = NameSuggestion.Nearest(call.Name, available);
        return Error("Call to unknown function", $"There is no function named \"{call.Name}\".{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", call.NameRange);
    }

    /// <summary>hclsyntax checks the number of arguments before it evaluates any of them.</summary>
    public static void CheckArgumentCount(FunctionCallExpression call, HclFunction function, int count, List<SourceRange> argStarts)
    {
        var fixedCount = function.Parameters.Count;
        if (count < fixedCount)
        {
            var missing = function.Parameters[count];
            var atLeast = function.VariadicParameter is null ? "" : " at least";
            throw Error("Not enough function arguments", $"Function \"{call.Name}\" expects{atLeast} {fixedCount} argument(s). Missing value for \"{missing.Name}\".", SourceRange.Between(call.CloseParenRange, call.CloseParenRange));
        }

        if (count > fixedCount && function.VariadicParameter is null)
        {
            throw Error("Too many function arguments", $"Function \"{call.Name}\" expects only {fixedCount} argument(s).", argStarts[fixedCount]);
        }
    }

    /// <summary>
    /// Converts the evaluated arguments and calls the function. Each argument's own errors (<paramref name="argDiagnostics"/>)
    /// come before its conversion's, as hclsyntax records them; with any, the function is not called and the result is
    /// <c>cty.DynamicVal</c>.
    /// </summary>
    public static HclValue Invoke(FunctionCallExpression call, HclFunction function, List<HclValue> args, List<SourceRange> argRanges, List<SourceRange> argStarts,
        IReadOnlyList<List<HclDiagnostic>> argDiagnostics)
    {
        var fixedCount = function.Parameters.Count;
        var diagnostics = new List<HclDiagnostic>();
        var converted = new List<HclValue>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            diagnostics.AddRange(argDiagnostics[i]);
            var parameter = i < fixedCount ? function.Parameters[i] : function.VariadicParameter!;
            var value = args[i];
            if (value.IsNull)
            {
                converted.Add(value);
                continue;
            }

            try
            {
                converted.Add(Converter.Convert(value, parameter.Type));
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Invalid function argument", $"Invalid value for \"{parameter.Name}\" parameter: {e.Message}.", argStarts[i]));
                converted.Add(HclValue.Unknown(parameter.Type));
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new EvaluationException(diagnostics, HclValue.DynamicUnknown);
        }

        // cty checks nulls when called, after HCL has converted every argument.
        for (var i = 0; i < args.Count; i++)
        {
            var parameter = i < fixedCount ? function.Parameters[i] : function.VariadicParameter!;
            if (args[i].IsNull && !parameter.AllowNull)
            {
                throw Error("Invalid function argument", $"Invalid value for \"{parameter.Name}\" parameter: argument must not be null.", argStarts[i]);
            }
        }

        if (!function.AllowUnknown)
        {
            foreach (var value in converted)
            {
                if (!value.IsWhollyKnown)
                {
                    // cty's function.Call: an unknown argument the function does not accept makes the result unknown.
                    var unknown = HclValue.Unknown(function.Returns ?? HclType.Dynamic);
                    return function.RefinesNotNull ? unknown.RefineNotNull() : unknown;
                }
            }
        }

        try
        {
            var result = function.Body(converted);
            return !result.IsKnown && function.RefinesNotNull ? result.RefineNotNull() : result;
        }
        catch (FunctionException e) when (e.ArgumentIndex >= 0 && e.ArgumentIndex < argRanges.Count)
        {
            var parameter = e.ArgumentIndex < fixedCount ? function.Parameters[e.ArgumentIndex] : function.VariadicParameter!;
            throw Error("Invalid function argument", $"Invalid value for \"{parameter.Name}\" parameter: {e.Message}.", argStarts[e.ArgumentIndex]);
        }
        catch (FunctionException e) when (e.ArgumentIndex >= 0 && (e.ArgumentIndex < fixedCount || function.VariadicParameter is not null))
        {
            // hclsyntax: an argument error naming a parameter that got no argument points at the whole call.
            var parameter = e.ArgumentIndex < fixedCount ? function.Parameters[e.ArgumentIndex] : function.VariadicParameter!;
            throw Error("Invalid function argument", $"Invalid value for \"{parameter.Name}\" parameter: {e.Message}.", call.Range);
        }
        catch (FunctionException e)
        {
            throw Error("Error in function call", $"Call to function \"{call.Name}\" failed: {e.Message}.", SourceRange.Between(call.NameRange, call.OpenParenRange));
        }
        catch (ConversionException e)
        {
            throw Error("Error in function call", $"Call to function \"{call.Name}\" failed: {e.Message}.", SourceRange.Between(call.NameRange, call.OpenParenRange));
        }
    }
}

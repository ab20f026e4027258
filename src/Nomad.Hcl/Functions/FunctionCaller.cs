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

    public static HclValue Invoke(FunctionCallExpression call, HclFunction function, List<HclValue> args, List<SourceRange> argRanges, List<SourceRange> argStarts)
    {
        var fixedCount = function.Parameters.Count;
        if (args.Count < fixedCount)
        {
            var missing = function.Parameters[args.Count];
            var atLeast = function.VariadicParameter is null ? "" : " at least";
            throw Error("Not enough function arguments", $"Function \"{call.Name}\" expects{atLeast} {fixedCount} argument(s). Missing value for \"{missing.Name}\".", SourceRange.Between(call.CloseParenRange, call.CloseParenRange));
        }

        if (args.Count > fixedCount && function.VariadicParameter is null)
        {
            throw Error("Too many function arguments", $"Function \"{call.Name}\" expects only {fixedCount} argument(s).", argStarts[fixedCount]);
        }

        var converted = new List<HclValue>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
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
                throw Error("Invalid function argument", $"Invalid value for \"{parameter.Name}\" parameter: {e.Message}.", argStarts[i]);
            }
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

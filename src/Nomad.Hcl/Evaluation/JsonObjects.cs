using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// hcl's JSON object value (json/structure.go <c>expression.Value</c>): each key is a string expression (a template
/// where there is a context), evaluated before its value; a key that is null or not a string, or one already given,
/// is an error at the key, and the object is still made of the other properties (hcl answers it with its errors); an
/// unknown key makes the whole object unknown.
/// </summary>
internal static class JsonObjects
{
    public static HclValue Evaluate(ObjectExpression obj, EvaluationContext context)
    {
        var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var diagnostics = new List<HclDiagnostic>();
        var known = true;
        foreach (var item in obj.Items)
        {
            // The key's errors, then the value's; every error is collected and the object still made of the rest.
            var key = Evaluator.Sub(item.Key, context, diagnostics);
            var value = Evaluator.Sub(item.Value, context, diagnostics);
            try
            {
                key = Converter.Convert(key, HclType.String);
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Invalid object key expression", $"Cannot use this expression as an object key: {e.Message}.", item.Key.Range));
                continue;
            }

            if (key.IsNull)
            {
                diagnostics.Add(new HclDiagnostic("Invalid object key expression", "Cannot use null value as an object key.", item.Key.Range));
                continue;
            }

            if (!key.IsKnown)
            {
                known = false;
                continue;
            }

            var name = Unicode.Nfc.Normalize(key.AsString());
            if (ranges.TryGetValue(name, out var previous))
            {
                diagnostics.Add(new HclDiagnostic("Duplicate object attribute", $"An attribute named \"{name}\" was already defined at {previous}.", item.Key.Range));
                continue;
            }

            attributes[name] = value;
            ranges[name] = item.Key.Range;
        }

        return Evaluator.Finish(diagnostics, known ? HclValue.Object(attributes) : HclValue.DynamicUnknown);
    }
}

using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// hcl's JSON object value (json/structure.go <c>expression.Value</c>): each key is a string expression (a template
/// where there is a context), evaluated before its value; a key that is null or not a string, or one already given,
/// is an error at the key; an unknown key makes the whole object unknown.
/// </summary>
internal static class JsonObjects
{
    public static HclValue Evaluate(ObjectExpression obj, EvaluationContext context)
    {
        var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        var ranges = new Dictionary<string, SourceRange>(StringComparer.Ordinal);
        var known = true;
        foreach (var item in obj.Items)
        {
            var key = Evaluator.Evaluate(item.Key, context);
            var value = Evaluator.Evaluate(item.Value, context);
            try
            {
                key = Converter.Convert(key, HclType.String);
            }
            catch (ConversionException e)
            {
                throw new EvaluationException(new HclDiagnostic("Invalid object key expression", $"Cannot use this expression as an object key: {e.Message}.", item.Key.Range));
            }

            if (key.IsNull)
            {
                throw new EvaluationException(new HclDiagnostic("Invalid object key expression", "Cannot use null value as an object key.", item.Key.Range));
            }

            if (!key.IsKnown)
            {
                known = false;
                continue;
            }

            var name = Unicode.Nfc.Normalize(key.AsString());
            if (ranges.TryGetValue(name, out var previous))
            {
                throw new EvaluationException(new HclDiagnostic("Duplicate object attribute", $"An attribute named \"{name}\" was already defined at {previous}.", item.Key.Range));
            }

            attributes[name] = value;
            ranges[name] = item.Key.Range;
        }

        return known ? HclValue.Object(attributes) : HclValue.DynamicUnknown;
    }
}

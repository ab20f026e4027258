using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Syntax.Json;

/// <summary>
/// hcl's JSON expressions (json/structure.go <c>expression.Value</c>) as native expressions: a string is a template
/// (hclsyntax's ParseTemplate from the character after its opening quote) when it is evaluated with a context, a
/// literal otherwise; numbers, bools and null are literals, arrays tuples, objects objects whose keys are strings of
/// the same kind. An expression keeps its JSON value's range, so an error about its value points where hcl's does.
/// </summary>
internal static class JsonExpressions
{
    /// <summary>The expression of <paramref name="node"/>; <paramref name="template"/>: strings are templates.</summary>
    public static Expression Of(JsonSyntax.Node node, bool template) => node.Kind switch
    {
        JsonSyntax.String => String(node.Text, node.Range, template),
        JsonSyntax.Number => new LiteralExpression(HclValue.ParseNumber(node.Text), node.Range),
        JsonSyntax.Keyword => new LiteralExpression(node.Text switch { "true" => HclValue.Bool(true), "false" => HclValue.Bool(false), _ => HclValue.Null }, node.Range),
        JsonSyntax.BrackO => new TupleExpression([.. node.Members!.Select(m => Of(m.Value, template))], node.Range),
        _ => new ObjectExpression([.. node.Members!.Select(m => new ObjectItem(String(m.Name, m.NameRange, template), Of(m.Value, template)))], node.Range) { Json = true },
    };

    /// <summary>A string value written at <paramref name="range"/> (its quotes included).</summary>
    public static Expression String(string text, SourceRange range, bool template)
    {
        if (!template || (!text.Contains("${", StringComparison.Ordinal) && !text.Contains("%{", StringComparison.Ordinal)))
        {
            return new LiteralExpression(HclValue.String(text), range);
        }

        // json/structure.go: the template starts after the opening quote (escapes removed by the JSON parser are not
        // seen, so positions after one are off by as much as in Nomad).
        var start = new SourcePosition(range.Start.Line, range.Start.Column + 1, range.Start.Offset + 1);
        var diagnostics = new DiagnosticBag();
        var parsed = Parser.ParseTemplate(text, range.FileName, start, diagnostics);
        return parsed switch
        {
            null => new FailedExpression(diagnostics.Items, range),
            TemplateExpression { Parts: var parts } when parts.All(p => p is LiteralExpression { Value.Type.Kind: HclTypeKind.String }) =>
                new LiteralExpression(HclValue.String(string.Concat(parts.Select(p => ((LiteralExpression)p).Value.AsString()))), range),
            TemplateWrapExpression wrap => wrap with { Range = range },
            _ => new TemplateWrapExpression(parsed, range),
        };
    }
}

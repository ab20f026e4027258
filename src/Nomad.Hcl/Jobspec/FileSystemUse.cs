using System.Text.RegularExpressions;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl;

/// <summary>
/// Tells from a job file's syntax alone whether it calls a filesystem function (the eight jobspec2 guards with
/// <c>AllowFS</c>, which Nomad's parse endpoint refuses): parsed, never evaluated.
/// </summary>
public static partial class FileSystemUse
{
    /// <summary>The filesystem functions of jobspec2/functions.go, each wrapped in <c>guardFS</c>.</summary>
    public static IReadOnlySet<string> FunctionNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "abspath", "basename", "dirname", "file", "filebase64", "fileexists", "fileset", "pathexpand",
    };

    /// <summary>
    /// True when <paramref name="source"/> parses and calls any of <see cref="FunctionNames"/> anywhere: arguments of
    /// any block (variables, locals, the job), templates, heredocs and directives. False when it does not parse, so
    /// whoever parses it next reports the syntax error. A text naming none of the functions as a word is not parsed.
    /// </summary>
    public static bool Calls(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!NamesAFunction().IsMatch(source))
        {
            return false;
        }

        var diagnostics = new DiagnosticBag();
        var body = Parser.ParseConfig(source, "input.hcl", diagnostics);
        return !diagnostics.HasErrors && InBody(body);
    }

    [GeneratedRegex(@"\b(abspath|basename|dirname|file|filebase64|fileexists|fileset|pathexpand)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamesAFunction();

    private static bool InBody(Body body) =>
        body.Attributes.Any(a => InExpression(a.Expression)) || body.Blocks.Any(b => InBody(b.Body));

    private static bool InExpression(Expression? expression) => expression switch
    {
        null => false,
        FunctionCallExpression call => FunctionNames.Contains(call.Name) || call.Arguments.Any(InExpression),
        BinaryExpression binary => InExpression(binary.Left) || InExpression(binary.Right),
        UnaryExpression unary => InExpression(unary.Operand),
        ConditionalExpression conditional => InExpression(conditional.Condition) || InExpression(conditional.TrueResult) || InExpression(conditional.FalseResult),
        ForExpression loop => InExpression(loop.Collection) || InExpression(loop.KeyResult) || InExpression(loop.ValueResult) || InExpression(loop.Condition),
        GetAttrExpression getAttr => InExpression(getAttr.Source),
        IndexExpression index => InExpression(index.Source) || InExpression(index.Key),
        SplatExpression splat => InExpression(splat.Source) || InExpression(splat.Each),
        ObjectExpression obj => obj.Items.Any(i => InExpression(i.Key) || InExpression(i.Value)),
        ObjectKeyExpression key => InExpression(key.Wrapped),
        ParenthesesExpression parentheses => InExpression(parentheses.Inner),
        TemplateExpression template => template.Parts.Any(InExpression),
        TemplateJoinExpression join => InExpression(join.Tuple),
        TemplateWrapExpression wrap => InExpression(wrap.Wrapped),
        TupleExpression tuple => tuple.Items.Any(InExpression),
        _ => false,
    };
}

using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>hclsyntax's <c>StartRange</c>: the part of an expression an error about its value points at.</summary>
public static class ExpressionRanges
{
    /// <summary>The start range of an expression.</summary>
    public static SourceRange Start(Expression expression) => expression switch
    {
        TemplateExpression { Parts.Count: > 0 } t => Start(t.Parts[0]),
        TemplateExpression { Parts.Count: 0 } t => Empty(t.Range),
        BinaryExpression b => Start(b.Left),
        ConditionalExpression c => Start(c.Condition),
        FunctionCallExpression f => SourceRange.Between(f.NameRange, f.OpenParenRange),
        TupleExpression t => First(t.Range),
        ObjectExpression o => First(o.Range),
        ForExpression f => f.OpenRange,
        UnaryExpression u => First(u.Range),
        ParenthesesExpression p => Start(p.Inner),
        IndexExpression { Key: not (LiteralExpression or TemplateExpression { Parts: [LiteralExpression] }) } i => First(i.BracketRange),
        _ => expression.Range,
    };

    // hclsyntax gives "" one empty literal part at the end of the token after the opening quote (parseTemplateParts'
    // startRange is the next token's range): for "" that is right after the closing quote.
    private static SourceRange Empty(SourceRange range) => new(range.FileName, range.End, range.End);

    private static SourceRange First(SourceRange range) =>
        new(range.FileName, range.Start, new SourcePosition(range.Start.Line, range.Start.Column + 1, range.Start.Offset + 1));
}

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An expression in parentheses.</summary>
public sealed record ParenthesesExpression(Expression Inner, SourceRange Range) : Expression(Range);

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary><c>!x</c> or <c>-x</c>.</summary>
public sealed record UnaryExpression(bool IsNegation, Expression Operand, SourceRange Range) : Expression(Range);

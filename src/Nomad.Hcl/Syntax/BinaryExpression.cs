using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A binary operation.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceRange Range) : Expression(Range);

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary><c>condition ? true : false</c>.</summary>
public sealed record ConditionalExpression(Expression Condition, Expression TrueResult, Expression FalseResult, SourceRange Range) : Expression(Range);

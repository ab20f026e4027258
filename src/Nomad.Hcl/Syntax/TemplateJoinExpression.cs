using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A <c>%{for}</c> directive: the tuple its for-expression yields, joined into a string.</summary>
public sealed record TemplateJoinExpression(Expression Tuple, SourceRange Range) : Expression(Range);

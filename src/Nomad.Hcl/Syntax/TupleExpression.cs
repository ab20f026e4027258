using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A tuple constructor <c>[a, b]</c>.</summary>
public sealed record TupleExpression(IReadOnlyList<Expression> Items, SourceRange Range) : Expression(Range);

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A splat <c>source.*.x</c> or <c>source[*].x</c>: <see cref="Each"/> is evaluated with <see cref="Item"/> bound to each element.</summary>
public sealed record SplatExpression(Expression Source, Expression Each, AnonymousSymbolExpression Item, SourceRange MarkerRange, SourceRange Range) : Expression(Range);

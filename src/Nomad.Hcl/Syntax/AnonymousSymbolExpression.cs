using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>The element placeholder inside a splat's traversal.</summary>
public sealed record AnonymousSymbolExpression(SourceRange Range) : Expression(Range);

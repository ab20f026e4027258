using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An object key: a bare identifier is its own name as a string unless parenthesised.</summary>
public sealed record ObjectKeyExpression(Expression Wrapped, bool ForceNonLiteral, SourceRange Range) : Expression(Range);

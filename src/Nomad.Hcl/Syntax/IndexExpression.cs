using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An index access <c>source[key]</c> or the legacy <c>source.0</c>.</summary>
public sealed record IndexExpression(Expression Source, Expression Key, SourceRange BracketRange, SourceRange Range) : Expression(Range);

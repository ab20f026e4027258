using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An attribute access <c>source.name</c>.</summary>
public sealed record GetAttrExpression(Expression Source, string Name, SourceRange NameRange, SourceRange Range) : Expression(Range);

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A template that is exactly one interpolation, whose value passes through unconverted.</summary>
public sealed record TemplateWrapExpression(Expression Wrapped, SourceRange Range) : Expression(Range);

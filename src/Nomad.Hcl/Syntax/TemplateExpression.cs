using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A template: literal parts and interpolations joined into a string.</summary>
public sealed record TemplateExpression(IReadOnlyList<Expression> Parts, SourceRange Range) : Expression(Range);

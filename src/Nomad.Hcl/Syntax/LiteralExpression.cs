using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
namespace Nomad.Hcl.Syntax;

/// <summary>A literal value: number, string without interpolation, bool or null.</summary>
public sealed record LiteralExpression(HclValue Value, SourceRange Range) : Expression(Range);

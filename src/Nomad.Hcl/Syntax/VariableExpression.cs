using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A root name such as <c>var</c>, <c>local</c> or a for-expression variable.</summary>
public sealed record VariableExpression(string Name, SourceRange Range) : Expression(Range);

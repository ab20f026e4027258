using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A for-expression over a collection, yielding a tuple, or an object when <see cref="KeyResult"/> is set.</summary>
public sealed record ForExpression(string? KeyVariable, string ValueVariable, Expression Collection, Expression? KeyResult, Expression ValueResult, Expression? Condition, bool Group, SourceRange OpenRange, SourceRange Range) : Expression(Range);

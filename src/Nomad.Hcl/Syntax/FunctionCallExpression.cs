using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A function call; <see cref="ExpandFinal"/> when the last argument ends with <c>...</c>.</summary>
public sealed record FunctionCallExpression(string Name, IReadOnlyList<Expression> Arguments, bool ExpandFinal, SourceRange NameRange, SourceRange OpenParenRange, SourceRange CloseParenRange, SourceRange Range) : Expression(Range);

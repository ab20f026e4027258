using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>
/// An expression whose text did not parse where hcl parses it only when evaluating it (a JSON string's template):
/// evaluating it reports the parse errors.
/// </summary>
public sealed record FailedExpression(IReadOnlyList<HclDiagnostic> Diagnostics, SourceRange Range) : Expression(Range);

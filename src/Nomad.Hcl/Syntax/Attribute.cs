using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An argument <c>name = expression</c> in a body.</summary>
public sealed record Attribute(string Name, Expression Expression, SourceRange NameRange, SourceRange Range);

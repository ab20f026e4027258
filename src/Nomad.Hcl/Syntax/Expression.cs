using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An HCL expression with its source range.</summary>
public abstract record Expression(SourceRange Range);

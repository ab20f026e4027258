using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>One flat piece of a template before its directives are nested: literal text, an interpolation or a directive.</summary>
internal sealed class TemplatePart
{
    public required TemplatePartKind Kind { get; init; }

    public string Text { get; set; } = "";

    public Expression? Expression { get; init; }

    public string? KeyVariable { get; init; }

    public string? ValueVariable { get; init; }

    public bool StripBefore { get; init; }

    public bool StripAfter { get; init; }

    public required SourceRange Range { get; set; }
}

using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A block <c>type "label" { body }</c>.</summary>
public sealed record Block(string Type, IReadOnlyList<string> Labels, IReadOnlyList<SourceRange> LabelRanges, Body Body, SourceRange TypeRange, SourceRange OpenBraceRange, SourceRange Range)
{
    /// <summary>For a block read from JSON syntax, hcl's DefRange (its object's opening brace, or its array's bracket); null for native syntax.</summary>
    public SourceRange? JsonDefRange { get; init; }
}

namespace Nomad.Hcl.Diagnostics;

/// <summary>A span of a source file, written as HCL writes it: <c>file:L,C-L,C</c> (or <c>file:L,C-C</c> on one line).</summary>
public readonly record struct SourceRange(string FileName, SourcePosition Start, SourcePosition End)
{
    /// <summary>The smallest range covering both ranges.</summary>
    public static SourceRange Between(SourceRange first, SourceRange last) => new(first.FileName, first.Start, last.End);

    /// <inheritdoc />
    public override string ToString() => Start.Line == End.Line
        ? $"{FileName}:{Start.Line},{Start.Column}-{End.Column}"
        : $"{FileName}:{Start.Line},{Start.Column}-{End.Line},{End.Column}";
}

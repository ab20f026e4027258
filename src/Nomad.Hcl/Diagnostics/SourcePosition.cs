namespace Nomad.Hcl.Diagnostics;

/// <summary>A point in a source file: 1-based line and column, 0-based character offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset);

namespace Nomad.Hcl.Diagnostics;

/// <summary>One error found while parsing or evaluating, with HCL's summary and detail texts.</summary>
public sealed record HclDiagnostic(string Summary, string Detail, SourceRange? Subject)
{
    /// <summary>A warning (hcl.DiagWarning): written in the error text with the errors, but not failing the parse alone.</summary>
    public bool IsWarning { get; init; }

    /// <summary>The text HCL's <c>Diagnostic.Error()</c> gives: <c>range: summary; detail</c>.</summary>
    public override string ToString() => $"{(Subject is { } s ? s.ToString() : "<nil>")}: {Summary}; {Detail}";
}

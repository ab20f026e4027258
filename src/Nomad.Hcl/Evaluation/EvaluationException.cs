using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// An evaluation error carrying its HCL diagnostics; caught by callers and by <c>try</c>/<c>can</c>. hclsyntax's
/// expressions answer a value together with their diagnostics and go on: <see cref="Diagnostics"/> are all the errors
/// of the expression (the first one is <see cref="Diagnostic"/>) and <see cref="Value"/> the value hcl answers with
/// them (usually <c>cty.DynamicVal</c>, an operator's unknown of its type, a template's partial string).
/// </summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the error from its diagnostic.</summary>
    public EvaluationException(HclDiagnostic diagnostic) : this([diagnostic], HclValue.DynamicUnknown)
    {
    }

    /// <summary>Creates the error from all the diagnostics of an expression and the value hcl answers with them.</summary>
    public EvaluationException(IReadOnlyList<HclDiagnostic> diagnostics, HclValue value) : base(diagnostics[0].ToString())
    {
        Diagnostics = diagnostics;
        Value = value;
    }

    /// <summary>Creates the error from a message, with no source range.</summary>
    public EvaluationException() : this(new HclDiagnostic("Error", "", null))
    {
    }

    /// <summary>Creates the error from a message, with no source range.</summary>
    public EvaluationException(string message) : this(new HclDiagnostic(message, "", null))
    {
    }

    /// <summary>Creates the error from a message and cause, with no source range.</summary>
    public EvaluationException(string message, Exception inner) : base(message, inner)
    {
        Diagnostics = [new HclDiagnostic(message, "", null)];
        Value = HclValue.DynamicUnknown;
    }

    /// <summary>What went wrong first and where.</summary>
    public HclDiagnostic Diagnostic => Diagnostics[0];

    /// <summary>Every error of the expression, in hcl's order.</summary>
    public IReadOnlyList<HclDiagnostic> Diagnostics { get; }

    /// <summary>The value hcl answers along with the errors.</summary>
    public HclValue Value { get; }

    /// <summary>The same errors with another value (an operator's unknown of its type).</summary>
    public EvaluationException WithValue(HclValue value) => new(Diagnostics, value);
}

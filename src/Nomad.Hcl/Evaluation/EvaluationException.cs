using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Evaluation;

/// <summary>An evaluation error carrying its HCL diagnostic; caught by callers and by <c>try</c>/<c>can</c>.</summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the error from its diagnostic.</summary>
    public EvaluationException(HclDiagnostic diagnostic) : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    /// <summary>Creates the error from a message, with no source range.</summary>
    public EvaluationException() : this(new HclDiagnostic("Error", "", null))
    {
    }

    /// <summary>Creates the error from a message, with no source range.</summary>
    public EvaluationException(string message) : this(new HclDiagnostic(message, "", null))
    {
    }

    /// <summary>Creates the error from a message and cause, with no source range.</summary>
    public EvaluationException(string message, Exception inner) : base(message, inner) => Diagnostic = new HclDiagnostic(message, "", null);

    /// <summary>What went wrong and where.</summary>
    public HclDiagnostic Diagnostic { get; }
}

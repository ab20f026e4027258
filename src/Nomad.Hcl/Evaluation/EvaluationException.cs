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

    /// <summary>
    /// True for an unknown value rather than an error (see <see cref="Unknown"/>): <c>try</c> and <c>can</c> let it
    /// pass, and a decoder that rejects unknown values reports only its own diagnostic.
    /// </summary>
    public bool IsUnknown { get; private init; }

    /// <summary>
    /// An unknown value (cty.DynamicVal, made only by yamldecode of a null document). This evaluator carries no unknown
    /// values: everything that consumes one gives an unknown result in cty, so it travels up as this exception to the
    /// decoder, where gohcl fails with <c>value must be known</c> (the diagnostic here, used where no decoder adds its own).
    /// </summary>
    public static EvaluationException Unknown(SourceRange range) =>
        new(new HclDiagnostic("Unsuitable value type", "Unsuitable value: value must be known", range)) { IsUnknown = true };
}

namespace NomadGitOps.Controllers;

/// <summary>
/// What one step of a reconcile found: <see cref="Continue"/> to go on to the next step, or a
/// <see cref="ReconcileOutcome"/> (<c>UpToDate</c>, <c>Waiting</c>, <c>Failed</c>, <c>Stalled</c>) that ends the
/// reconcile (see STYLE.md, "The reconciler").
/// </summary>
internal abstract record StepResult
{
    private protected StepResult()
    {
    }

    /// <summary>Go on to the next step.</summary>
    public static ContinueResult Continue { get; } = new();

    /// <summary>True when the reconcile goes on to its next step.</summary>
    public bool IsContinue => this is ContinueResult;

    /// <summary>The result that lets the reconcile go on.</summary>
    internal sealed record ContinueResult : StepResult;
}

namespace NomadGitOps.Engine;

/// <summary>What a one-off run did: a result per reconcile in controller order, or that the controller is paused.</summary>
/// <param name="Paused">True when <c>&lt;prefix&gt;/controller</c> has <c>suspend=true</c>: nothing was reconciled.</param>
/// <param name="Results">One per object and controller, GitRepository → NomadJobIndex → NomadJob, each sorted by object.</param>
internal sealed record OneOffReport(bool Paused, IReadOnlyList<OneOffResult> Results)
{
    /// <summary>True when any object failed: the run exits non-zero.</summary>
    public bool Failed => Results.Any(r => r.Failed);
}

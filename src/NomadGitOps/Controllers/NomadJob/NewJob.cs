namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// What the comparison with the live job answers for a job the controller never applied from this object and that the
/// owned-job cache does not list (<see cref="UnchangedJobCheck.RegisterBeforeRead"/>): the reconcile registers it "only
/// if it does not exist" (<see cref="JobApplier.RegisterNewAsync"/>), with no read and no plan.
/// </summary>
internal sealed record NewJob : StepResult
{
    /// <summary>The one instance.</summary>
    public static NewJob Instance { get; } = new();
}

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// What <see cref="JobApplier.RegisterNewAsync"/> answers when Nomad refused the register "only if it does not exist"
/// because a job by that ID exists: the reconcile reads it (to adopt it, or leave another owner's job alone), then plans
/// and registers as for any existing job.
/// </summary>
internal sealed record JobExists : StepResult
{
    /// <summary>The one instance.</summary>
    public static JobExists Instance { get; } = new();
}

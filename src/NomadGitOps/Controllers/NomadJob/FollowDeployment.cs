namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// What the comparison with the live job answers when the job is as last applied but its deployment is still being
/// followed (<c>wait</c> on): the reconcile skips plan and register and only follows the deployment.
/// </summary>
internal sealed record FollowDeployment : StepResult
{
    /// <summary>The one instance.</summary>
    public static FollowDeployment Instance { get; } = new();
}

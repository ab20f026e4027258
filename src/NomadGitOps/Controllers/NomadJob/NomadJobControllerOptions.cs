namespace NomadGitOps.Controllers.NomadJob;

/// <summary>Settings of the NomadJob controller.</summary>
internal sealed record NomadJobControllerOptions
{
    /// <summary>The default controller name written to <c>gitops_managed_by</c>.</summary>
    public const string DefaultManagedBy = "nomad-gitops";

    /// <summary>The value of the <c>gitops_managed_by</c> meta on every job we register (<c>NOMAD_GITOPS_CONTROLLER_NAME</c>).</summary>
    public string ManagedBy { get; init; } = DefaultManagedBy;

    /// <summary>How often a deployment being followed (<c>wait=true</c>) is looked at again.</summary>
    public TimeSpan DeploymentPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a register refused for a stale enforce-index is planned again before giving up.</summary>
    public int MaxEnforceIndexRetries { get; init; } = 3;
}

namespace NomadGitOps.Objects;

/// <summary>
/// Every value <c>status_reason</c> can take, in Flux's style: one CamelCase word or phrase saying why the
/// object is in its state. The message beside it says what happened and what to do.
/// </summary>
internal static class Reasons
{
    /// <summary>The object is in the state Git asks for (ready <c>True</c>).</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Work started and is not finished, e.g. a deployment being followed (ready <c>Unknown</c>).</summary>
    public const string Progressing = "Progressing";

    /// <summary>The object's <c>suspend</c> item is <c>true</c>: nothing is reconciled until it is removed.</summary>
    public const string Suspended = "Suspended";

    /// <summary>The <c>&lt;prefix&gt;/controller</c> variable has <c>suspend=true</c>: every reconcile waits until it is removed.</summary>
    public const string ControllerPaused = "ControllerPaused";

    /// <summary>A spec item is missing, unknown or malformed; a person must fix the object.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>A git operation (ls-remote, fetch, reading the tree) failed; retried with backoff.</summary>
    public const string GitOperationFailed = "GitOperationFailed";

    /// <summary>
    /// The remote refused the credentials, the secret variable is missing or incomplete, or the SSH host key is unknown;
    /// or Nomad refused the controller's own token (403 after one retry with a fresh token, a failed identity login).
    /// </summary>
    public const string AuthenticationFailed = "AuthenticationFailed";

    /// <summary>The branch, tag or commit does not exist on the remote, or no tag matches the semver range.</summary>
    public const string RefNotFound = "RefNotFound";

    /// <summary>The artifact of the repository's commit could not be stored or read.</summary>
    public const string ArtifactFailed = "ArtifactFailed";

    /// <summary>The index could not list the repository's job files or read their job IDs.</summary>
    public const string IndexFailed = "IndexFailed";

    /// <summary>The job file could not be read or parsed into a job (HCL error, unknown variable, JSON error).</summary>
    public const string RenderFailed = "RenderFailed";

    /// <summary>
    /// Nomad refused to plan the job (validation error, permission, Nomad unreachable), or refused a new job registered
    /// without a plan for the same reasons (its validation comes before the register's index check).
    /// </summary>
    public const string PlanFailed = "PlanFailed";

    /// <summary>Nomad refused to register the job, or someone changed it between plan and register.</summary>
    public const string RegisterFailed = "RegisterFailed";

    /// <summary>The live job differs from Git (changed, stopped or purged outside nomad-gitops) and <c>correct_drift</c> is <c>false</c>.</summary>
    public const string DriftDetected = "DriftDetected";

    /// <summary>The live job had drifted and was registered again from Git.</summary>
    public const string DriftCorrected = "DriftCorrected";

    /// <summary>The job's file vanished from the repository and <c>prune</c> is off: the job keeps running, unmanaged.</summary>
    public const string Orphaned = "Orphaned";

    /// <summary>The job was deregistered because its file or object vanished and <c>prune</c> is on.</summary>
    public const string Pruned = "Pruned";

    /// <summary>Deregistering a pruned job failed; retried with backoff.</summary>
    public const string PruneFailed = "PruneFailed";

    /// <summary>The live job's meta names another owner (or none), so prune left it alone.</summary>
    public const string NotOwned = "NotOwned";

    /// <summary>Two files or two repositories claim one job ID in one namespace; the first owner is kept.</summary>
    public const string Conflict = "Conflict";

    /// <summary>Something this object needs is not ready yet, e.g. its GitRepository has no artifact.</summary>
    public const string DependencyNotReady = "DependencyNotReady";

    /// <summary>
    /// The deployment of the registered job failed (Nomad may have rolled it back with <c>auto_revert</c>; the message
    /// says so) or did not finish within <c>wait_timeout</c>. Nothing is registered again until the job in Git, the
    /// object or <c>reconcile_requested_at</c> changes.
    /// </summary>
    public const string DeploymentFailed = "DeploymentFailed";

    /// <summary>Nomad could not be reached or answered with a server error; retried with backoff.</summary>
    public const string NomadUnavailable = "NomadUnavailable";

    /// <summary>The object's items and status together would pass Nomad's 64 KiB limit even with every message cut.</summary>
    public const string StatusTooLarge = "StatusTooLarge";

    /// <summary>An Alert's last notification could not be delivered, even after its retries (the receiver refused it or was unreachable).</summary>
    public const string DeliveryFailed = "DeliveryFailed";

    /// <summary>Every reason above, for validation and docs.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Succeeded, Progressing, Suspended, ControllerPaused, InvalidSpec, GitOperationFailed, AuthenticationFailed,
        RefNotFound, ArtifactFailed, IndexFailed, RenderFailed, PlanFailed, RegisterFailed, DriftDetected,
        DriftCorrected, Orphaned, Pruned, PruneFailed, NotOwned, Conflict, DependencyNotReady, DeploymentFailed,
        NomadUnavailable, StatusTooLarge, DeliveryFailed,
    ];
}

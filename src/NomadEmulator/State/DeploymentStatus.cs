namespace Nomad.Emulator.State;

/// <summary>Deployment statuses and descriptions, verbatim from <c>nomad/structs/deployment.go</c>.</summary>
public static class DeploymentStatus
{
    /// <summary>A deployment placing allocations.</summary>
    public const string Running = "running";

    /// <summary>Paused by an operator.</summary>
    public const string Paused = "paused";

    /// <summary>Failed.</summary>
    public const string Failed = "failed";

    /// <summary>Finished with every allocation healthy.</summary>
    public const string Successful = "successful";

    /// <summary>Replaced by a newer version or a stop.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Multiregion: initializing.</summary>
    public const string Initializing = "initializing";

    /// <summary>Multiregion: pending.</summary>
    public const string Pending = "pending";

    /// <summary>Multiregion: blocked.</summary>
    public const string Blocked = "blocked";

    /// <summary>Multiregion: unblocking.</summary>
    public const string Unblocking = "unblocking";

    /// <summary>Description of a running deployment.</summary>
    public const string DescriptionRunning = "Deployment is running";

    /// <summary>Description of a successful deployment.</summary>
    public const string DescriptionSuccessful = "Deployment completed successfully";

    /// <summary>Description of a deployment cancelled by a stop.</summary>
    public const string DescriptionStoppedJob = "Cancelled because job is stopped";

    /// <summary>Description of a deployment cancelled by a newer version.</summary>
    public const string DescriptionNewerJob = "Cancelled due to newer version of job";

    /// <summary>Description of a deployment whose allocations turned unhealthy.</summary>
    public const string DescriptionFailedAllocations = "Failed due to unhealthy allocations";

    /// <summary><c>DeploymentStatusDescriptionRollback</c>: a failed deployment whose job is rolled back to version <paramref name="jobVersion"/>.</summary>
    public static string Rollback(string baseDescription, long jobVersion) =>
        $"{baseDescription} - rolling back to job version {jobVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary><c>DeploymentStatusDescriptionRollbackNoop</c>: the latest stable version has the failed job's spec, so nothing is registered.</summary>
    public static string RollbackNoop(string baseDescription, long jobVersion) =>
        $"{baseDescription} - not rolling back to stable job version {jobVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)} as current job has same specification";

    /// <summary><c>DeploymentStatusDescriptionNoRollbackTarget</c>: auto_revert is set but no version is stable.</summary>
    public static string NoRollbackTarget(string baseDescription) => $"{baseDescription} - no stable job version to auto revert to";
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nomad.Client;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// A release of ours (the job version and <c>JobModifyIndex</c> our register made) whose deployment failed, and what
/// Nomad did about it. Pure: found in the job's deployments, judged against the live job.
/// </summary>
/// <remarks>
/// Nomad's deployment watcher (<c>nomad/deploymentwatcher/deployment_watcher.go</c>) fails a deployment and, when a
/// failed group has <c>auto_revert</c>, registers the latest stable version again as a new version
/// (<c>latestStableJob</c>), describing the deployment as <c>"&lt;reason&gt; - rolling back to job version N"</c>
/// (<c>structs.DeploymentStatusDescriptionRollback</c>). That new version moves the job's <c>JobModifyIndex</c> like any
/// edit; recognising it keeps the controller from registering the failing spec again and again.
/// </remarks>
/// <param name="DeploymentId">The failed deployment.</param>
/// <param name="Version">The job version it rolled out (ours).</param>
/// <param name="Description">Nomad's <c>StatusDescription</c> of the deployment.</param>
internal sealed partial record FailedRelease(string DeploymentId, ulong Version, string Description)
{
    /// <summary>
    /// The failed deployment of our register (job version <paramref name="version"/> at <c>JobModifyIndex</c>
    /// <paramref name="jobModifyIndex"/>) among <paramref name="deployments"/>; null when it is not there or did not fail.
    /// </summary>
    public static FailedRelease? Find(IReadOnlyList<Deployment> deployments, ulong version, ulong jobModifyIndex)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        var ours = deployments.FirstOrDefault(d => d.JobVersion == version && d.JobSpecModifyIndex == jobModifyIndex);
        return ours is { Status: DeploymentStatus.Failed } ? new FailedRelease(ours.ID, ours.JobVersion, ours.StatusDescription) : null;
    }

    /// <summary>The version Nomad rolled back to, read from the description; null when it did not roll back.</summary>
    public ulong? RolledBackTo =>
        RollbackSuffix().Match(Description) is { Success: true } match ? ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// True when <paramref name="live"/> is Nomad's rollback of this release: the description names a rollback and the
    /// live job is the version right after ours, running. A later version (someone registered again) is not.
    /// </summary>
    public bool IsRolledBackBy(JsonObject? live) =>
        RolledBackTo is not null
        && live?[nameof(Version)] is JsonValue version && version.TryGetValue<ulong>(out var liveVersion) && liveVersion == Version + 1
        && !(live["Stop"] is JsonValue stop && stop.TryGetValue<bool>(out var stopped) && stopped);

    /// <summary>The status message: what failed, what Nomad did, what runs now, and what makes the controller register again.</summary>
    public string Describe(string jobName, string file, string shortCommit, ulong? liveVersion)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        var what = $"Deployment {DeploymentId} of {jobName} version {Version} ({file} at commit {shortCommit}) failed: {Description}.";
        var now = RolledBackTo is { } target
            ? $" Nomad rolled back to version {target} (registered as version {liveVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"}), which keeps running."
            : $" Version {Version} stays registered.";
        return what + now + " nomad-gitops registers it again only when the job in Git changes, this object changes, or reconcile_requested_at is set anew: fix the job in Git.";
    }

    // structs.DeploymentStatusDescriptionRollback: "%s - rolling back to job version %d".
    [GeneratedRegex(@" - rolling back to job version (\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RollbackSuffix();
}

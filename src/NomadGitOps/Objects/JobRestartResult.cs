namespace NomadGitOps.Objects;

/// <summary>What <see cref="JobRestart"/> did.</summary>
/// <param name="Found">False when the NomadJob object does not exist (nothing was done).</param>
/// <param name="JobId">The Nomad job ID.</param>
/// <param name="Namespace">The Nomad namespace.</param>
/// <param name="JobVersion">The job's version (unchanged by a restart), or null when the job is not in Nomad.</param>
/// <param name="Restarted">The IDs of the allocations restarted, in the order they were restarted.</param>
/// <param name="At">When the restart was recorded (RFC 3339, UTC), or empty when nothing was recorded.</param>
/// <param name="Message">A sentence for people, also written as <c>status_last_restart</c>.</param>
/// <param name="Refused">True when the job is in Nomad but cannot be rolled this way (e.g. <c>--reschedule</c> of a system job); nothing was done or recorded.</param>
internal sealed record JobRestartResult(
    bool Found,
    string JobId,
    string Namespace,
    ulong? JobVersion,
    IReadOnlyList<string> Restarted,
    string At,
    string Message,
    bool Refused = false);

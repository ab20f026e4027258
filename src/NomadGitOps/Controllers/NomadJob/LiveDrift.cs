namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// What moved in the live job since this object last applied it (status recorded a <c>JobModifyIndex</c> and a spec
/// hash): purged, stopped, or changed outside nomad-gitops (its <c>JobModifyIndex</c> moved).
/// </summary>
internal static class LiveDrift
{
    /// <summary>The drift of <paramref name="run"/>'s live job as a sentence, or null when nothing moved or nothing was applied yet.</summary>
    public static string? Of(NomadJobRun run)
    {
        if (run.Previous.JobModifyIndex is not { } applied || run.Previous.SpecHash is null)
        {
            return null;
        }

        return run.Live is null ? $"{run.JobName} was purged outside nomad-gitops"
            : run.LiveStopped ? $"{run.JobName} was stopped outside nomad-gitops"
            : run.LiveJobModifyIndex != applied ? $"{run.JobName} was changed outside nomad-gitops (JobModifyIndex {applied} -> {run.LiveJobModifyIndex})"
            : null;
    }
}

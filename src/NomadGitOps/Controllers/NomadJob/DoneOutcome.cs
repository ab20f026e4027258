using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// The outcome of a NomadJob reconcile whose steps all went on: up to date, or registered (with the plan's summary and
/// the followed deployment), or drift corrected; says when the job was rendered from a checkout of the commit.
/// </summary>
internal static class DoneOutcome
{
    public static UpToDate For(NomadJobRun run)
    {
        var deployment = run.Deployment is { } d ? $"; deployment {d.ID} {d.Status}" : "";
        var renderedBy = run.Parsed?.Renderer == JobFileRenderer.Checkout
            ? " It reads other files of the repository, so nomad-gitops rendered it from a checkout of the commit, not Nomad's parse endpoint."
            : "";
        if (!run.Registered)
        {
            return new UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}{deployment}.{renderedBy}");
        }

        var registered = $"registered {run.JobName} version {run.JobVersion} from {run.Spec.File} at commit {run.ShortCommit} ({run.PlanSummary}){deployment}.{renderedBy}";
        return run.CorrectingDrift
            ? new UpToDate($"{run.Drift}; {registered}", Reasons.DriftCorrected)
            : new UpToDate(char.ToUpperInvariant(registered[0]) + registered[1..]);
    }
}

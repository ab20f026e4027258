using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using static NomadGitOps.Controllers.NomadJob.LiveJob;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Whether the live job may be taken over: a job without our meta is adopted; one whose meta names another controller
/// or another object is not, and the NomadJob stalls with <see cref="Reasons.Conflict"/>.
/// </summary>
internal static class OwnerConflict
{
    /// <summary>The conflict with the live job of <paramref name="run"/> for the controller <paramref name="managedBy"/>, or null when there is none.</summary>
    public static Stalled? Of(NomadJobRun run, string managedBy)
    {
        var owner = OwnershipMeta.Read(run.Live, OwnershipMeta.ManagedByKey);
        var ownerObject = OwnershipMeta.Read(run.Live, OwnershipMeta.ObjectKey);
        return owner is not null && (owner != managedBy || (ownerObject is not null && ownerObject != run.ObjectPath))
            ? new Stalled(Reasons.Conflict, $"The live {run.JobName} belongs to gitops_managed_by={Describe(owner)}, gitops_object={Describe(ownerObject)}, " +
                $"not to this controller ({managedBy}) and NomadJob {run.Stored.Key}: it was left alone. Remove that meta from the job, or this object.")
            : null;
    }
}

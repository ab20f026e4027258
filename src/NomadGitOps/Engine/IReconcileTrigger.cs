using NomadGitOps.Controllers;
using NomadGitOps.Objects;

namespace NomadGitOps.Engine;

/// <summary>
/// How one controller asks the engine to reconcile an object now: the GitRepository controller triggers the
/// index of a repository at a new commit, the index triggers the NomadJobs it created or changed. Repeated
/// triggers coalesce in the work queue.
/// </summary>
internal interface IReconcileTrigger
{
    /// <summary>Queues <paramref name="key"/> for <paramref name="controller"/> as soon as a worker is free.</summary>
    void Trigger(ControllerName controller, ObjectKey key);
}

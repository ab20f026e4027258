using NomadGitOps.Objects;

namespace NomadGitOps.Scheduling;

/// <summary>
/// How one controller asks the engine to reconcile an object now: the GitRepository controller triggers the
/// index of a repository at a new commit, the index triggers the NomadJobs it created or changed. Repeated
/// triggers coalesce in the work queue; the watches trigger what they saw change. The controllers and the watches
/// call it, the engine implements it (<c>ControllerQueues</c>, <c>ReconcileTriggerRouter</c>).
/// </summary>
internal interface IReconcileTrigger
{
    /// <summary>Queues <paramref name="key"/> for <paramref name="controller"/> as soon as a worker is free.</summary>
    void Trigger(ControllerName controller, ObjectKey key);

    /// <summary>
    /// Queues <paramref name="key"/> for <paramref name="controller"/> behind every triggered key, with the interval
    /// re-checks: for recording what a watch saw (a deployment's progress), so that such bookkeeping of thousands of
    /// objects never delays a trigger (a new commit, a spec change, drift).
    /// </summary>
    void TriggerBehind(ControllerName controller, ObjectKey key) => Trigger(controller, key);
}

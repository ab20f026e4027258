using NomadGitOps.Controllers;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Engine;

/// <summary>
/// Told of every reconcile the engine ran, after it ended (metrics, the status page's transitions). Registered in the
/// container; called on the worker's thread, so it must be quick and must not throw.
/// </summary>
internal interface IReconcileObserver
{
    /// <summary><paramref name="controller"/> reconciled <paramref name="key"/> in <paramref name="duration"/> with <paramref name="outcome"/>.</summary>
    void Reconciled(ControllerName controller, ObjectKey key, ReconcileOutcome outcome, TimeSpan duration);
}

using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers;

/// <summary>
/// One controller as the engine sees it: reconcile one object, say how it went. The engine never runs two
/// reconciles of one key of one controller at once, and schedules the next from the outcome.
/// </summary>
internal interface IReconciler
{
    /// <summary>Which controller this is.</summary>
    ControllerName Name { get; }

    /// <summary>The kind of object this controller's keys name.</summary>
    ObjectKind Kind { get; }

    /// <summary>
    /// Loads the object, runs the guards and steps, writes status once if it changed, and returns the outcome
    /// (<see cref="ReconcileOutcome.UpToDate"/> also when the object no longer exists).
    /// </summary>
    Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct);
}

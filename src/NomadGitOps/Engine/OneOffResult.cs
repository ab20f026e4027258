using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Engine;

/// <summary>How one reconcile of a one-off run ended.</summary>
/// <param name="Controller">The controller that ran.</param>
/// <param name="Key">The object it reconciled.</param>
/// <param name="Outcome"><c>UpToDate</c>, <c>Waiting</c>, <c>Failed</c>, <c>Stalled</c>, or <c>Error</c> when the reconcile threw.</param>
/// <param name="Ready">The object's readiness after it.</param>
/// <param name="Reason">One of <see cref="Reasons"/> (or the exception's type for <c>Error</c>).</param>
/// <param name="Message">What happened, for people.</param>
/// <param name="Failed">True when this result makes the run exit non-zero.</param>
internal sealed record OneOffResult(
    ControllerName Controller,
    ObjectKey Key,
    string Outcome,
    ReadyState Ready,
    string Reason,
    string Message,
    bool Failed);

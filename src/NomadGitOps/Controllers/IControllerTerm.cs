namespace NomadGitOps.Controllers;

/// <summary>
/// Whether this replica is acting: a leadership term (or, with leader election off, the one run) is under way. The
/// engine's host implements it; what must act only on the leading replica (the alert notifier) asks it, so nothing
/// of the controllers needs the engine itself.
/// </summary>
internal interface IControllerTerm
{
    /// <summary>True while a term is under way on this replica.</summary>
    bool IsUnderway { get; }
}

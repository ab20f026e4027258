using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>One change of an object's ready state or reason, as the engine saw its outcomes.</summary>
/// <param name="At">When the reconcile that changed it ended.</param>
/// <param name="Controller">The controller that reconciled it.</param>
/// <param name="Ready">The ready state after.</param>
/// <param name="Reason">The reason after.</param>
/// <param name="Message">The outcome's message (secrets redacted).</param>
internal sealed record Transition(DateTimeOffset At, string Controller, ReadyState Ready, string Reason, string Message);

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>
/// What the sync answers when nothing changed since the last success (same commit, same spec, cache kept, status ready
/// and succeeded): the reconcile branches past <c>Publish</c>, so a quiet tick reads nothing of the commit's tree (no step
/// skips itself on a flag).
/// </summary>
internal sealed record AlreadyPublished : StepResult
{
    /// <summary>The one instance.</summary>
    public static AlreadyPublished Instance { get; } = new();
}

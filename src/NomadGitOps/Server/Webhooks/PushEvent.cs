namespace NomadGitOps.Server.Webhooks;

/// <summary>What a verified push delivery says, whatever host sent it.</summary>
/// <param name="Changes">The refs it moved (GitHub, GitLab and Gitea send one; Bitbucket may send several).</param>
/// <param name="Urls">Every URL of the pushed repository the payload names (clone, ssh, web).</param>
/// <param name="DefaultBranch">The repository's default branch, when the payload says (Bitbucket's does not).</param>
/// <param name="Commit">The commit the (first) ref now points at, for the record; null when unknown.</param>
/// <param name="AnyRepository">
/// True for a generic delivery that names no repository: it triggers every GitRepository the receiver may trigger
/// (a plain "reconcile now" hook for CI jobs).
/// </param>
internal sealed record PushEvent(
    IReadOnlyList<RefChange> Changes,
    IReadOnlyList<string> Urls,
    string? DefaultBranch,
    string? Commit,
    bool AnyRepository = false);

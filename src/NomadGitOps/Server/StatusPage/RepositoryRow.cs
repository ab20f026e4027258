using NomadGitOps.Objects;

namespace NomadGitOps.Server.StatusPage;

/// <summary>One GitRepository on the status page.</summary>
/// <param name="Name">The object's name.</param>
/// <param name="Url">Its URL, credentials redacted.</param>
/// <param name="Ref">What it follows: <c>branch main</c>, <c>tag v1</c>, <c>semver ^1</c>, <c>commit …</c>.</param>
/// <param name="Commit">The current commit (<c>status_current_commit</c>), or null before the first fetch.</param>
/// <param name="CommitMessage">The first line of that commit's message (<c>status_commit_message</c>).</param>
/// <param name="Ready"><c>status_ready</c>.</param>
/// <param name="Reason"><c>status_reason</c>.</param>
/// <param name="Message"><c>status_message</c>.</param>
/// <param name="LastChange"><c>status_last_change_at</c>: when the commit last changed.</param>
/// <param name="NextCheck"><c>status_next_attempt_at</c>.</param>
/// <param name="Link">The path of its own page.</param>
internal sealed record RepositoryRow(
    string Name, string Url, string Ref, string? Commit, string? CommitMessage, ReadyState Ready, string? Reason, string? Message, string? LastChange, string? NextCheck, string Link);

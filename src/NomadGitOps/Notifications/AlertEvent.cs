using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>One thing that happened to a GitRepository or NomadJob, to be sent to the Alerts that report it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Object">The object it happened to.</param>
/// <param name="Repository">The GitRepository concerned: the object itself, or the NomadJob's <c>repository</c> item.</param>
/// <param name="Reason">The object's <c>status_reason</c> (or <see cref="Reasons.Pruned"/> for a deleted, pruned NomadJob).</param>
/// <param name="Message">The object's <c>status_message</c>: what happened, secrets already redacted by its controller.</param>
/// <param name="Commit">The commit concerned (a NomadJob's applied or attempted commit, a repository's current one), when known.</param>
/// <param name="Time">When the notifier saw it.</param>
internal sealed record AlertEvent(
    AlertEventKind Kind,
    ObjectKey Object,
    string? Repository,
    string Reason,
    string Message,
    string? Commit,
    DateTimeOffset Time)
{
    /// <summary>The object's kind as payloads name it: <c>GitRepository</c> or <c>NomadJob</c>.</summary>
    public string KindName => Object.Kind.ToString();

    /// <summary>A one-line title for people: <c>NomadJob default/web failed (RenderFailed)</c>.</summary>
    public string Title => Kind switch
    {
        AlertEventKind.Failed => $"{KindName} {DisplayName} failed ({Reason})",
        AlertEventKind.Recovered => $"{KindName} {DisplayName} recovered",
        AlertEventKind.Applied => $"{KindName} {DisplayName} applied{CommitSuffix}",
        AlertEventKind.DriftCorrected => $"{KindName} {DisplayName}: drift corrected",
        AlertEventKind.Pruned => $"{KindName} {DisplayName} pruned",
        _ => $"{KindName} {DisplayName}: {AlertEventNames.Of(Kind)}",
    };

    /// <summary><c>namespace/job-id</c> for a NomadJob, the name otherwise.</summary>
    public string DisplayName => Object.Kind == ObjectKind.NomadJob ? $"{Object.Namespace}/{Object.Name}" : Object.Name;

    /// <summary>The first 7 digits of <see cref="Commit"/>, or null.</summary>
    public string? ShortCommit => Commit is { Length: > 7 } full ? full[..7] : Commit;

    private string CommitSuffix => ShortCommit is { } c ? $" at {c}" : "";
}

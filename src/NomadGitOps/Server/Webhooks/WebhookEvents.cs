using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>The event name of a delivery, from the header each host puts it in, and which events are pings.</summary>
internal static class WebhookEvents
{
    /// <summary>
    /// The event of the delivery: GitHub <c>X-GitHub-Event</c>, GitLab <c>X-Gitlab-Event</c>, Gitea <c>X-Gitea-Event</c>
    /// (Forgejo <c>X-Forgejo-Event</c>), Bitbucket <c>X-Event-Key</c>, generic <c>X-Event</c> (default <c>push</c>).
    /// Null when the host's header is missing.
    /// </summary>
    public static string? Of(ReceiverType type, Func<string, string?> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var name = type switch
        {
            ReceiverType.GitHub => headers("X-GitHub-Event"),
            ReceiverType.GitLab => headers("X-Gitlab-Event"),
            ReceiverType.Gitea => headers("X-Gitea-Event") ?? headers("X-Forgejo-Event") ?? headers("X-Gogs-Event"),
            ReceiverType.Bitbucket => headers("X-Event-Key"),
            ReceiverType.Generic => headers("X-Event") ?? "push",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    /// <summary>True for the events a host sends to test a hook (GitHub <c>ping</c>, Bitbucket <c>diagnostics:ping</c>).</summary>
    public static bool IsPing(string eventName) =>
        eventName.Equals("ping", StringComparison.OrdinalIgnoreCase)
        || eventName.Equals("diagnostics:ping", StringComparison.OrdinalIgnoreCase);
}

using System.Text.Json;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Webhooks;

/// <summary>The event name of a delivery, from the header each host puts it in, and which events are pings.</summary>
internal static class WebhookEvents
{
    /// <summary>
    /// The event of the delivery: GitHub <c>X-GitHub-Event</c>, GitLab <c>X-Gitlab-Event</c>, Gitea <c>X-Gitea-Event</c>
    /// (Forgejo <c>X-Forgejo-Event</c>, Gogs <c>X-Gogs-Event</c>), Bitbucket <c>X-Event-Key</c>, generic <c>X-Event</c>
    /// (default <c>push</c>). A GitLab system hook sends <c>X-Gitlab-Event: System Hook</c> for every event and names it in
    /// the body's <c>event_name</c>: its <c>push</c> and <c>tag_push</c> are read as <c>Push Hook</c> and <c>Tag Push
    /// Hook</c>, the events a project hook sends for the same payload. Null when the host's header is missing.
    /// </summary>
    public static string? Of(ReceiverType type, Func<string, string?> headers, ReadOnlySpan<byte> body)
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
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim();
        return type == ReceiverType.GitLab && name.Equals("System Hook", StringComparison.OrdinalIgnoreCase)
            ? SystemHookEvent(body) ?? name
            : name;
    }

    /// <summary>The header a delivery to a receiver of <paramref name="type"/> names its event in.</summary>
    public static string Header(ReceiverType type) => type switch
    {
        ReceiverType.GitHub => "X-GitHub-Event",
        ReceiverType.GitLab => "X-Gitlab-Event",
        ReceiverType.Gitea => "X-Gitea-Event",
        ReceiverType.Bitbucket => "X-Event-Key",
        _ => "X-Event",
    };

    /// <summary>True for the events a host sends to test a hook (GitHub <c>ping</c>, Bitbucket <c>diagnostics:ping</c>).</summary>
    public static bool IsPing(string eventName) =>
        eventName.Equals("ping", StringComparison.OrdinalIgnoreCase)
        || eventName.Equals("diagnostics:ping", StringComparison.OrdinalIgnoreCase);

    // docs.gitlab.com/administration/system_hooks: push and tag events have the project hooks' payload with event_name
    // "push" or "tag_push". Other system events keep the name "System Hook" (ignored unless listed in events).
    private static string? SystemHookEvent(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event_name", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()
                : null;
            return kind switch
            {
                "push" => "Push Hook",
                "tag_push" => "Tag Push Hook",
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>The body an Alert of each type posts for an event (UTF-8 JSON), and what the payloads share.</summary>
internal static class AlertPayload
{
    /// <summary>The longest message a body carries; longer ones are cut with a marker (chat services cap text fields).</summary>
    public const int MaxMessageLength = 3000;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The body of <paramref name="alertEvent"/> for an alert of <paramref name="type"/>; <paramref name="controller"/> names the sender.</summary>
    public static string For(AlertType type, AlertEvent alertEvent, string controller)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var node = type switch
        {
            AlertType.Slack => SlackPayload.Build(alertEvent, controller),
            AlertType.Discord => DiscordPayload.Build(alertEvent, controller),
            AlertType.Teams => TeamsPayload.Build(alertEvent, controller),
            AlertType.Generic => GenericPayload.Build(alertEvent, controller),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        return node.ToJsonString(Compact);
    }

    /// <summary>The message, cut to <see cref="MaxMessageLength"/> with <c>…[truncated]</c>.</summary>
    public static string Message(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var text = alertEvent.Message.Length > 0 ? alertEvent.Message : alertEvent.Title;
        return text.Length <= MaxMessageLength ? text : text[..(MaxMessageLength - 12)] + "…[truncated]";
    }

    /// <summary>The facts every chat payload shows, in order, without empty ones.</summary>
    public static IReadOnlyList<(string Name, string Value)> Facts(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var facts = new List<(string, string)>
        {
            ("Object", alertEvent.Object.ToString()),
            ("Event", AlertEventNames.Of(alertEvent.Kind)),
        };
        if (alertEvent.Reason.Length > 0)
        {
            facts.Add(("Reason", alertEvent.Reason));
        }

        if (alertEvent.Repository is { Length: > 0 } repository && alertEvent.Object.Kind == ObjectKind.NomadJob)
        {
            facts.Add(("Repository", repository));
        }

        if (alertEvent.ShortCommit is { } commit)
        {
            facts.Add(("Commit", commit));
        }

        return facts;
    }

    /// <summary>The colour of an event as <c>#rrggbb</c>: red failed, green recovered, blue applied, amber drift, grey pruned.</summary>
    public static string Colour(AlertEventKind kind) => kind switch
    {
        AlertEventKind.Failed => "#d32f2f",
        AlertEventKind.Recovered => "#2e7d32",
        AlertEventKind.Applied => "#1976d2",
        AlertEventKind.DriftCorrected => "#f9a825",
        _ => "#757575",
    };

    /// <summary>RFC 3339 UTC to the second, as status items write times.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON array of <paramref name="items"/>.</summary>
    public static JsonArray Array(IEnumerable<JsonNode> items) => [.. items];
}

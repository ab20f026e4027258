using System.Text.Json.Nodes;

namespace NomadGitOps.Notifications;

/// <summary>
/// A Microsoft Teams body for a Workflows webhook (the "Post to a channel when a webhook request is received" template): a
/// <c>message</c> with one Adaptive Card (version 1.4) attachment holding the title, the message and a fact set. Chosen over
/// the older MessageCard because Microsoft retired the Office 365 connectors that took MessageCards (2026); Workflows is
/// the supported way and its template posts the attachment's Adaptive Card as it is.
/// </summary>
internal static class TeamsPayload
{
    /// <summary>The media type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The body for <paramref name="alertEvent"/>.</summary>
    public static JsonObject Build(AlertEvent alertEvent, string controller)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = alertEvent.Title,
                    ["weight"] = "Bolder",
                    ["size"] = "Medium",
                    ["color"] = alertEvent.Kind switch
                    {
                        Objects.AlertEventKind.Failed => "Attention",
                        Objects.AlertEventKind.Recovered => "Good",
                        Objects.AlertEventKind.DriftCorrected => "Warning",
                        _ => "Default",
                    },
                    ["wrap"] = true,
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = AlertPayload.Message(alertEvent), ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = AlertPayload.Array(AlertPayload.Facts(alertEvent).Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value })),
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"{controller} · {AlertPayload.Time(alertEvent.Time)}", ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true }),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }
}

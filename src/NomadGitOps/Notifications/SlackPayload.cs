using System.Text.Json.Nodes;

namespace NomadGitOps.Notifications;

/// <summary>
/// A Slack incoming-webhook body: <c>text</c> (the title, shown in notifications) and one attachment coloured by the
/// event with the message and short fields. Slack's mrkdwn needs <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped in text.
/// </summary>
internal static class SlackPayload
{
    /// <summary>The body for <paramref name="alertEvent"/>.</summary>
    public static JsonObject Build(AlertEvent alertEvent, string controller)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return new JsonObject
        {
            ["text"] = Escape(alertEvent.Title),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["color"] = AlertPayload.Colour(alertEvent.Kind),
                ["title"] = Escape(alertEvent.Title),
                ["text"] = Escape(AlertPayload.Message(alertEvent)),
                ["fields"] = AlertPayload.Array(AlertPayload.Facts(alertEvent).Select(f => (JsonNode)new JsonObject
                {
                    ["title"] = f.Name,
                    ["value"] = Escape(f.Value),
                    ["short"] = true,
                })),
                ["footer"] = controller,
                ["ts"] = alertEvent.Time.ToUnixTimeSeconds(),
            }),
        };
    }

    // https://api.slack.com/reference/surfaces/formatting#escaping
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

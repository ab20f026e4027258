using System.Globalization;
using System.Text.Json.Nodes;

namespace NomadGitOps.Notifications;

/// <summary>
/// A Discord webhook body: <c>content</c> (the title) and one embed coloured by the event (an integer RGB) with the
/// message as description, inline fields and the time. Discord caps content at 2,000 and a description at 4,096 characters.
/// </summary>
internal static class DiscordPayload
{
    /// <summary>The body for <paramref name="alertEvent"/>.</summary>
    public static JsonObject Build(AlertEvent alertEvent, string controller)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return new JsonObject
        {
            ["username"] = controller,
            ["content"] = alertEvent.Title,
            ["embeds"] = new JsonArray(new JsonObject
            {
                ["title"] = alertEvent.Title,
                ["description"] = AlertPayload.Message(alertEvent),
                ["color"] = int.Parse(AlertPayload.Colour(alertEvent.Kind).AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ["fields"] = AlertPayload.Array(AlertPayload.Facts(alertEvent).Select(f => (JsonNode)new JsonObject
                {
                    ["name"] = f.Name,
                    ["value"] = f.Value,
                    ["inline"] = true,
                })),
                ["timestamp"] = AlertPayload.Time(alertEvent.Time),
                ["footer"] = new JsonObject { ["text"] = controller },
            }),
        };
    }
}

using System.Text.Json.Nodes;
using NomadGitOps.Objects;

namespace NomadGitOps.Notifications;

/// <summary>
/// The generic body, a stable JSON document for scripts: <c>event</c>, <c>kind</c>, <c>name</c>, <c>namespace</c> (a
/// NomadJob's; empty otherwise), <c>object</c>, <c>repository</c>, <c>reason</c>, <c>message</c>, <c>commit</c> (full, or
/// null), <c>time</c> (RFC 3339 UTC) and <c>controller</c>. New fields may be added; none is renamed or removed.
/// </summary>
internal static class GenericPayload
{
    /// <summary>The body for <paramref name="alertEvent"/>.</summary>
    public static JsonObject Build(AlertEvent alertEvent, string controller)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return new JsonObject
        {
            ["event"] = AlertEventNames.Of(alertEvent.Kind),
            ["kind"] = alertEvent.KindName,
            ["name"] = alertEvent.Object.Name,
            ["namespace"] = alertEvent.Object.Namespace,
            ["object"] = alertEvent.Object.ToString(),
            ["repository"] = alertEvent.Repository,
            ["reason"] = alertEvent.Reason,
            ["message"] = alertEvent.Message,
            ["commit"] = alertEvent.Commit,
            ["time"] = AlertPayload.Time(alertEvent.Time),
            ["controller"] = controller,
        };
    }
}

namespace NomadGitOps.Objects;

/// <summary>Where an Alert sends its notifications; it decides the body's shape.</summary>
internal enum AlertType
{
    /// <summary>A Slack incoming webhook: <c>text</c> plus one coloured attachment with fields.</summary>
    Slack,

    /// <summary>A Discord webhook: <c>content</c> plus one embed with fields.</summary>
    Discord,

    /// <summary>A Microsoft Teams Workflows webhook ("Post to a channel when a webhook request is received"): an Adaptive Card.</summary>
    Teams,

    /// <summary>Any URL: a stable JSON document, optionally signed (<c>X-Signature: sha256=&lt;hex HMAC-SHA256&gt;</c>).</summary>
    Generic,
}

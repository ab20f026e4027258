using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.Receiver;

/// <summary>The status the receiver controller owns: the hook path (null while the receiver cannot take deliveries) and readiness.</summary>
internal sealed record ReceiverStatus(string? Url, ReadyState Ready, string Reason, string Message, string ObservedSpec)
{
    /// <summary>Every status item the receiver controller writes (the delivery items belong to the webhook endpoint).</summary>
    public static IReadOnlySet<string> OwnedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ItemKeys.StatusUrl, ItemKeys.StatusReady, ItemKeys.StatusReason, ItemKeys.StatusMessage, ItemKeys.StatusObservedSpec,
    };

    /// <summary>The patch that writes this status, removing the URL when there is none.</summary>
    public StatusPatch ToPatch()
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemKeys.StatusReady] = Ready.ToString(),
            [ItemKeys.StatusReason] = Reason,
            [ItemKeys.StatusMessage] = Message,
            [ItemKeys.StatusObservedSpec] = ObservedSpec,
        };
        if (Url is not null)
        {
            items[ItemKeys.StatusUrl] = Url;
        }

        return new StatusPatch(items, OwnedKeys, new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusMessage });
    }
}

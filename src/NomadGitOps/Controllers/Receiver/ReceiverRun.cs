using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.Receiver;

/// <summary>What one reconcile of a webhook Receiver found so far.</summary>
/// <param name="stored">The Receiver as read.</param>
internal sealed class ReceiverRun(StoredObject stored)
{
    /// <summary>The Receiver as read.</summary>
    public StoredObject Stored { get; } = stored;

    /// <summary>The Receiver's key.</summary>
    public ObjectKey Key => Stored.Key;

    /// <summary>The spec; set by the guards when it is valid.</summary>
    public ReceiverSpec? Spec { get; set; }

    /// <summary>
    /// The hook path to publish: set from the secret's token by the step that reads it (a suspended receiver whose token
    /// cannot be read keeps the one it published); null while it cannot take deliveries (its old path then answers <c>404</c>).
    /// </summary>
    public string? Url { get; set; }
}

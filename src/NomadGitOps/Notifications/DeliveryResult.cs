namespace NomadGitOps.Notifications;

/// <summary>How one delivery went after its retries.</summary>
/// <param name="Delivered">True when the receiver answered 2xx.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="Error">Why it failed (the last attempt's answer or error; never the URL); null when delivered.</param>
internal sealed record DeliveryResult(bool Delivered, int Attempts, string? Error);

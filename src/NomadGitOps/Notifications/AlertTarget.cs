namespace NomadGitOps.Notifications;

/// <summary>Where an Alert delivers, resolved from its items and secret; <see cref="Problem"/> says why it cannot.</summary>
/// <param name="Address">The webhook URL (a credential: never logged or written to status).</param>
/// <param name="SigningToken">The generic alert's HMAC key, when its secret has a <c>token</c>.</param>
/// <param name="Problem">Null when the alert can deliver; else a sentence for its status.</param>
internal sealed record AlertTarget(Uri? Address, string? SigningToken, string? Problem);

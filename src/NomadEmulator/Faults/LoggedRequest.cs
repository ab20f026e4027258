namespace Nomad.Emulator.Faults;

/// <summary>One write request as the emulator saw it (<c>GET /_emulator/requests</c>).</summary>
/// <param name="Started">When it arrived (emulator clock).</param>
/// <param name="Ended">When it was answered or dropped (emulator clock).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, e.g. <c>/v1/var/nomad-gitops/leader</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Client">
/// <c>token:</c> and the first 12 hex digits of the SHA-256 of the <c>X-Nomad-Token</c> it carried (never the token
/// itself), or <c>anonymous</c>; tests give each client its own token to tell their requests apart.
/// </param>
/// <param name="Status">The status answered; 0 when the connection was dropped without an answer.</param>
public sealed record LoggedRequest(DateTimeOffset Started, DateTimeOffset Ended, string Method, string Path, string Query, string Client, int Status);

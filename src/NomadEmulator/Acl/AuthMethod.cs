namespace Nomad.Emulator.Acl;

/// <summary>
/// An ACL auth method (<c>structs.ACLAuthMethod</c>). The emulator knows the <c>JWT</c> type only and trusts only its
/// own workload-identity key, whatever <c>JWKSURL</c> names (a real cluster points it at its own
/// <c>/.well-known/jwks.json</c>).
/// </summary>
public sealed record AuthMethod(
    string Name,
    string Type,
    string TokenLocality,
    TimeSpan MaxTokenTTL,
    bool Default,
    AuthMethodConfig Config,
    long CreateIndex,
    long ModifyIndex);

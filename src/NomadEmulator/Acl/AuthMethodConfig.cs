namespace Nomad.Emulator.Acl;

/// <summary>The part of <c>structs.ACLAuthMethodConfig</c> a JWT method uses here.</summary>
public sealed record AuthMethodConfig(
    string? JWKSURL,
    IReadOnlyList<string>? BoundAudiences,
    IReadOnlyList<string>? BoundIssuer,
    IReadOnlyDictionary<string, string>? ClaimMappings,
    IReadOnlyDictionary<string, string>? ListClaimMappings,
    IReadOnlyList<string>? SigningAlgs);

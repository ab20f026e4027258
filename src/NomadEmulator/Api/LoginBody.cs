namespace Nomad.Emulator.Api;

/// <summary>The body of <c>PUT /v1/acl/login</c> (<c>api.ACLLoginRequest</c>).</summary>
public sealed record LoginBody(string? AuthMethodName, string? LoginToken);

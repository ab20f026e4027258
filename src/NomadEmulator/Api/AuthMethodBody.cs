using Nomad.Emulator.Acl;

namespace Nomad.Emulator.Api;

/// <summary>The body of <c>PUT /v1/acl/auth-method</c> (<c>api.ACLAuthMethod</c>: <c>MaxTokenTTL</c> is a Go duration string).</summary>
public sealed record AuthMethodBody(string? Name, string? Type, string? TokenLocality, string? MaxTokenTTL, bool Default, AuthMethodConfig? Config);

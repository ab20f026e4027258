namespace Nomad.Emulator.Api;

/// <summary>The body of <c>PUT /v1/acl/binding-rule</c> (<c>api.ACLBindingRule</c>).</summary>
public sealed record BindingRuleBody(string? ID, string? Description, string? AuthMethod, string? Selector, string? BindType, string? BindName);

namespace Nomad.Emulator.Api;

/// <summary>The body of <c>PUT /v1/namespace/:name</c> (<c>structs.Namespace</c>, the fields the emulator keeps).</summary>
public sealed record NamespaceBody(string? Name, string? Description, Dictionary<string, string>? Meta);

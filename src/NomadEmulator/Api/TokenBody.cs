namespace Nomad.Emulator.Api;

/// <summary>The body of <c>POST /v1/acl/token</c> (<c>structs.ACLToken</c>, the fields the emulator keeps).</summary>
public sealed record TokenBody(string? AccessorID, string? Name, string? Type, List<string>? Policies);

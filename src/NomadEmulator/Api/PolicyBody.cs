using Nomad.Emulator.Acl;

namespace Nomad.Emulator.Api;

/// <summary>The body of <c>PUT /v1/acl/policy/:name</c> (<c>structs.ACLPolicy</c>).</summary>
public sealed record PolicyBody(string? Name, string? Description, string? Rules, JobAcl? JobACL = null);

namespace Nomad.Hcl.Syntax.Json;

/// <summary>hcl's BodySchema: arguments (name, required) and block types with their label names, in schema order.</summary>
internal sealed record JsonBodySchema(IReadOnlyList<(string Name, bool Required)> Attributes, IReadOnlyList<(string Type, IReadOnlyList<string> Labels)> Blocks);

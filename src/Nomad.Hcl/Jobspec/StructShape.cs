using System.Collections.Frozen;

namespace Nomad.Hcl.Jobspec;

/// <summary>A struct's fields sorted by their <c>hcl</c> tag kind, computed once per struct of <see cref="ApiSchema"/>.</summary>
internal sealed record StructShape(
    IReadOnlyList<ApiField> Labels,
    FrozenDictionary<string, ApiField> Attributes,
    FrozenDictionary<string, ApiField> Blocks)
{
    /// <summary>The shape of every struct of the schema, by Go struct name.</summary>
    public static readonly FrozenDictionary<string, StructShape> ByStruct = ApiSchema.Structs.ToFrozenDictionary(
        s => s.Key,
        s => new StructShape(
            [.. s.Value.Where(f => f.HclKind == "label")],
            s.Value.Where(f => f.HclKind is "attr" or "optional").ToFrozenDictionary(f => f.HclName!, StringComparer.Ordinal),
            s.Value.Where(f => f.HclKind == "block").ToFrozenDictionary(f => f.HclName!, StringComparer.Ordinal)),
        StringComparer.Ordinal);
}

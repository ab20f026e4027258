using System.Collections.Frozen;

namespace Nomad.Hcl.Jobspec;

/// <summary>A struct's fields sorted by their <c>hcl</c> tag kind, computed once per struct of <see cref="ApiSchema"/>.</summary>
internal sealed record StructShape(
    IReadOnlyList<ApiField> Labels,
    FrozenDictionary<string, ApiField> Attributes,
    FrozenDictionary<string, ApiField> Blocks,
    FrozenDictionary<string, int> FieldIndex)
{
    /// <summary>
    /// gohcl walks a struct's arguments (and, separately, its block types) through a Go map filled in field order. A map
    /// of at most 8 entries is one bucket whose iteration starts at a random one of 8 slots and wraps, so field order
    /// is what Go answers most often (with probability (9 − n)/8 for n entries); a larger map has no such favourite.
    /// </summary>
    public const int OneBucket = 8;

    /// <summary>The shape of every struct of the schema, by Go struct name.</summary>
    public static readonly FrozenDictionary<string, StructShape> ByStruct = ApiSchema.Structs.ToFrozenDictionary(
        s => s.Key,
        s => new StructShape(
            [.. s.Value.Where(f => f.HclKind == "label")],
            s.Value.Where(f => f.HclKind is "attr" or "optional").ToFrozenDictionary(f => f.HclName!, StringComparer.Ordinal),
            s.Value.Where(f => f.HclKind == "block").ToFrozenDictionary(f => f.HclName!, StringComparer.Ordinal),
            s.Value.Select((f, i) => (f, i)).Where(p => p.f.HclName is not null).GroupBy(p => p.f.HclName!, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal)),
        StringComparer.Ordinal);
}

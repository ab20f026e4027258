using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>One nested object of a Nomad diff (<c>structs.ObjectDiff</c>).</summary>
internal sealed record ObjectDiff(string Type, string Name, List<FieldDiff> Fields, List<ObjectDiff> Objects)
{
    /// <summary>Nomad's order: by name, type rank, field count, object count, then fields and objects.</summary>
    public static int Compare(ObjectDiff a, ObjectDiff b)
    {
        var c = string.CompareOrdinal(a.Name, b.Name);
        if (c != 0)
        {
            return c;
        }
        c = DiffTypes.Rank(a.Type).CompareTo(DiffTypes.Rank(b.Type));
        if (c != 0)
        {
            return c;
        }
        c = a.Fields.Count.CompareTo(b.Fields.Count);
        if (c != 0)
        {
            return c;
        }
        c = a.Objects.Count.CompareTo(b.Objects.Count);
        if (c != 0)
        {
            return c;
        }
        for (var i = 0; i < a.Fields.Count; i++)
        {
            c = FieldDiff.Compare(a.Fields[i], b.Fields[i]);
            if (c != 0)
            {
                return c;
            }
        }
        for (var i = 0; i < a.Objects.Count; i++)
        {
            c = Compare(a.Objects[i], b.Objects[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    /// <summary>The JSON Nomad writes for this object diff.</summary>
    public JsonObject ToJson() => new()
    {
        [nameof(Type)] = Type,
        [nameof(Name)] = Name,
        [nameof(Fields)] = DiffJson.List(Fields, f => f.ToJson()),
        [nameof(Objects)] = DiffJson.List(Objects, o => o.ToJson()),
    };
}

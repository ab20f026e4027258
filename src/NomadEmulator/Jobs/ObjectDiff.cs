using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>One nested object of a Nomad diff (<c>structs.ObjectDiff</c>).</summary>
internal sealed record ObjectDiff(string Type, string Name, List<FieldDiff> Fields, List<ObjectDiff> Objects)
{
    /// <summary>Nomad's <c>ObjectDiff.Less</c>: name, type rank, field count, object count, then true if any field or object is less.</summary>
    public static bool Less(ObjectDiff a, ObjectDiff b)
    {
        if (a.Same(b))
        {
            return false;
        }
        if (a.Name != b.Name)
        {
            return string.CompareOrdinal(a.Name, b.Name) < 0;
        }
        if (a.Type != b.Type)
        {
            return DiffTypes.Rank(a.Type) < DiffTypes.Rank(b.Type);
        }
        if (a.Fields.Count != b.Fields.Count)
        {
            return a.Fields.Count < b.Fields.Count;
        }
        if (a.Objects.Count != b.Objects.Count)
        {
            return a.Objects.Count < b.Objects.Count;
        }
        for (var i = 0; i < a.Fields.Count; i++)
        {
            if (FieldDiff.Compare(a.Fields[i], b.Fields[i]) < 0)
            {
                return true;
            }
        }
        for (var i = 0; i < a.Objects.Count; i++)
        {
            if (Less(a.Objects[i], b.Objects[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Sorts a list of object diffs as Nomad's <c>sort.Sort(ObjectDiffs)</c> does.</summary>
    public static void Sort(List<ObjectDiff> diffs) => GoSort.Sort(diffs, Less);

    private bool Same(ObjectDiff other) => ToJson().ToJsonString() == other.ToJson().ToJsonString();

    /// <summary>The JSON Nomad writes for this object diff.</summary>
    public JsonObject ToJson() => new()
    {
        [nameof(Type)] = Type,
        [nameof(Name)] = Name,
        [nameof(Fields)] = DiffJson.List(Fields, f => f.ToJson()),
        [nameof(Objects)] = DiffJson.List(Objects, o => o.ToJson()),
    };
}

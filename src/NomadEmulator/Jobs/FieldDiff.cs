using System.Text.Json.Nodes;

namespace Nomad.Emulator.Jobs;

/// <summary>One field of a Nomad diff (<c>structs.FieldDiff</c>): a flattened name with its old and new text.</summary>
internal sealed record FieldDiff(string Type, string Name, string Old, string New)
{
    /// <summary>Scheduler annotations (e.g. <c>forces create</c> on a Count change).</summary>
    public List<string> Annotations { get; } = [];

    /// <summary>Nomad's order: by name, then old, then new text (ordinal).</summary>
    public static int Compare(FieldDiff a, FieldDiff b)
    {
        var c = string.CompareOrdinal(a.Name, b.Name);
        if (c != 0)
        {
            return c;
        }
        c = string.CompareOrdinal(a.Old, b.Old);
        return c != 0 ? c : string.CompareOrdinal(a.New, b.New);
    }

    /// <summary>The diff of one value: null when equal and not contextual.</summary>
    public static FieldDiff? Of(string? old, string? @new, string name, bool contextual)
    {
        old ??= "";
        @new ??= "";
        if (old == @new)
        {
            return contextual ? new FieldDiff(DiffTypes.None, name, old, @new) : null;
        }
        if (old.Length == 0)
        {
            return new FieldDiff(DiffTypes.Added, name, "", @new);
        }
        return @new.Length == 0
            ? new FieldDiff(DiffTypes.Deleted, name, old, "")
            : new FieldDiff(DiffTypes.Edited, name, old, @new);
    }

    /// <summary>The field diffs of two flat maps, sorted as Nomad sorts them.</summary>
    public static List<FieldDiff> OfMaps(IReadOnlyDictionary<string, string>? old, IReadOnlyDictionary<string, string>? @new, bool contextual)
    {
        var diffs = new List<FieldDiff>();
        old ??= new Dictionary<string, string>();
        @new ??= new Dictionary<string, string>();
        foreach (var (k, v) in old)
        {
            if (Of(v, @new.GetValueOrDefault(k), k, contextual) is { } d)
            {
                diffs.Add(d);
            }
        }
        foreach (var (k, v) in @new)
        {
            if (!old.ContainsKey(k) && Of("", v, k, contextual) is { } d)
            {
                diffs.Add(d);
            }
        }
        diffs.Sort(Compare);
        return diffs;
    }

    /// <summary>The JSON Nomad writes for this field diff.</summary>
    public JsonObject ToJson() => new()
    {
        [nameof(Type)] = Type,
        [nameof(Name)] = Name,
        [nameof(Old)] = Old,
        [nameof(New)] = New,
        [nameof(Annotations)] = Annotations.Count == 0 ? null : new JsonArray([.. Annotations.Select(a => (JsonNode)a)]),
    };
}

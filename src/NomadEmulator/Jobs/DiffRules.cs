using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The per-object diff rules of Nomad's <c>nomad/structs/diff.go</c>, over stored-job JSON: which fields are
/// flattened, which lists are sets (keyed by what), and which nested objects get their own diff.
/// </summary>
internal static class DiffRules
{
    /// <summary><c>primitiveObjectDiff</c>: the primitive fields only; null when nothing differs.</summary>
    public static ObjectDiff? Primitive(JsonObject? old, JsonObject? @new, string name, bool contextual, params string[] filter) =>
        Primitive(DiffFlattener.Primitive(old, filter), DiffFlattener.Primitive(@new, filter), name, contextual);

    /// <summary><c>primitiveObjectDiff</c> of two flat maps (a <c>map[string]string</c> flattens to its own keys).</summary>
    public static ObjectDiff? Primitive(Dictionary<string, string>? oldFlat, Dictionary<string, string>? newFlat, string name, bool contextual)
    {
        var fields = FieldDiff.OfMaps(oldFlat, newFlat, contextual);
        var edited = fields.Any(f => f.Type == DiffTypes.Edited);
        var added = fields.Any(f => f.Type == DiffTypes.Added);
        var deleted = fields.Any(f => f.Type == DiffTypes.Deleted);
        string type;
        if (edited || (added && deleted))
        {
            type = DiffTypes.Edited;
        }
        else if (added)
        {
            type = DiffTypes.Added;
        }
        else if (deleted)
        {
            type = DiffTypes.Deleted;
        }
        else
        {
            return null;
        }
        return new ObjectDiff(type, name, fields, []);
    }

    /// <summary><c>primitiveObjectSetDiff</c>: a list matched by <paramref name="key"/>; changed members are deleted + added.</summary>
    public static List<ObjectDiff> PrimitiveSet(List<JsonObject> old, List<JsonObject> @new, Func<JsonObject, string> key, string name, bool contextual, params string[] filter)
    {
        var oldSet = old.GroupBy(key).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var newSet = @new.GroupBy(key).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var diffs = new List<ObjectDiff>();
        foreach (var (k, o) in oldSet)
        {
            if (Primitive(o, newSet.GetValueOrDefault(k), name, contextual, filter) is { } d)
            {
                diffs.Add(d);
            }
        }
        foreach (var (k, n) in newSet)
        {
            if (!oldSet.ContainsKey(k) && Primitive(null, n, name, contextual, filter) is { } d)
            {
                diffs.Add(d);
            }
        }
        ObjectDiff.Sort(diffs);
        return diffs;
    }

    /// <summary><c>stringSetDiff</c>: a list of strings compared as a set.</summary>
    public static ObjectDiff? StringSet(List<string> old, List<string> @new, string name, bool contextual)
    {
        var oldSet = old.ToHashSet(StringComparer.Ordinal);
        var newSet = @new.ToHashSet(StringComparer.Ordinal);
        if (oldSet.SetEquals(newSet) && !contextual)
        {
            return null;
        }
        var fields = new List<FieldDiff>();
        bool added = false, removed = false;
        foreach (var k in oldSet)
        {
            if (!newSet.Contains(k))
            {
                fields.Add(FieldDiff.Of(k, "", name, contextual)!);
                removed = true;
            }
            else if (contextual)
            {
                fields.Add(FieldDiff.Of(k, k, name, contextual)!);
            }
        }
        foreach (var k in newSet.Where(k => !oldSet.Contains(k)))
        {
            fields.Add(FieldDiff.Of("", k, name, contextual)!);
            added = true;
        }
        fields.Sort(FieldDiff.Compare);
        var type = (added, removed) switch
        {
            (true, true) => DiffTypes.Edited,
            (true, false) => DiffTypes.Added,
            (false, true) => DiffTypes.Deleted,
            _ => DiffTypes.None,
        };
        return type == DiffTypes.None && fields.Count == 0 ? null : new ObjectDiff(type, name, fields, []);
    }

    /// <summary>
    /// The common shape of Nomad's typed diffs (Service, Check, Resources, Vault…): null when equal, else
    /// Added/Deleted/Edited with contextual primitive fields and the nested diffs <paramref name="children"/> makes.
    /// </summary>
    public static ObjectDiff? Struct(JsonObject? old, JsonObject? @new, string name, bool contextual, Func<JsonObject?, JsonObject?, IEnumerable<ObjectDiff?>>? children = null, params string[] filter)
    {
        if (Same(old, @new))
        {
            return null;
        }
        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : DiffTypes.Edited;
        var fields = FieldDiff.OfMaps(DiffFlattener.Primitive(old, filter), DiffFlattener.Primitive(@new, filter), contextual);
        var objects = children is null ? [] : children(old, @new).OfType<ObjectDiff>().ToList();
        return new ObjectDiff(type, name, fields, objects);
    }

    /// <summary>Sorted non-null diffs.</summary>
    public static List<ObjectDiff> Sorted(IEnumerable<ObjectDiff?> diffs)
    {
        var list = diffs.OfType<ObjectDiff>().ToList();
        ObjectDiff.Sort(list);
        return list;
    }

    /// <summary>A key for set members with no stable id (Nomad hashes the struct).</summary>
    public static string Hash(JsonObject o) => o.ToJsonString();

    /// <summary>Constraint's DiffID: <c>LTarget Operand RTarget</c>.</summary>
    public static string ConstraintKey(JsonObject c) => $"{Str(c, "LTarget")} {Str(c, "Operand")} {Str(c, "RTarget")}";

    /// <summary>Constraints, affinities and spreads of an object (job, group or task).</summary>
    public static IEnumerable<ObjectDiff> Placement(JsonObject? old, JsonObject? @new, bool contextual)
    {
        foreach (var d in PrimitiveSet(Objs(old, "Constraints"), Objs(@new, "Constraints"), ConstraintKey, "Constraint", contextual, "str"))
        {
            yield return d;
        }
        foreach (var d in PrimitiveSet(Objs(old, "Affinities"), Objs(@new, "Affinities"), Hash, "Affinity", contextual, "str"))
        {
            yield return d;
        }
    }

    /// <summary><c>configDiff</c>: a driver config map, fully flattened.</summary>
    public static ObjectDiff? Config(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }
        var type = (old?.Count ?? 0) == 0 ? DiffTypes.Added : (@new?.Count ?? 0) == 0 ? DiffTypes.Deleted : DiffTypes.Edited;
        return new ObjectDiff(type, "Config", FieldDiff.OfMaps(DiffFlattener.Full(old, freeForm: true), DiffFlattener.Full(@new, freeForm: true), contextual), []);
    }

    /// <summary><c>Resources.Diff</c> with networks, devices and NUMA.</summary>
    public static ObjectDiff? Resources(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Resources", contextual, (o, n) =>
            Networks(Objs(o, "Networks"), Objs(n, "Networks"), contextual)
                .Concat(Sorted(KeyedPairs(Objs(o, "Devices"), Objs(n, "Devices"), d => Str(d, "Name"))
                    .Select(p => Struct(p.Old, p.New, "Device", contextual))))
                .Append(Same(Obj(o, "NUMA"), Obj(n, "NUMA")) ? null : Primitive(Obj(o, "NUMA"), Obj(n, "NUMA"), "NUMA", contextual)));

    /// <summary><c>networkResourceDiffs</c>: networks as a set by content; each changed network is deleted + added.</summary>
    public static List<ObjectDiff> Networks(List<JsonObject> old, List<JsonObject> @new, bool contextual)
    {
        var oldSet = old.Select(Hash).ToHashSet(StringComparer.Ordinal);
        var newSet = @new.Select(Hash).ToHashSet(StringComparer.Ordinal);
        var diffs = new List<ObjectDiff?>();
        diffs.AddRange(old.Where(o => !newSet.Contains(Hash(o))).Select(o => Network(o, null, contextual)));
        diffs.AddRange(@new.Where(n => !oldSet.Contains(Hash(n))).Select(n => Network(null, n, contextual)));
        return Sorted(diffs);
    }

    private static ObjectDiff? Network(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(WithHostname(old), WithHostname(@new), "Network", contextual, (o, n) =>
            Ports(Objs(o, "ReservedPorts"), Objs(n, "ReservedPorts"), dynamic: false, contextual)
                .Concat(Ports(Objs(o, "DynamicPorts"), Objs(n, "DynamicPorts"), dynamic: true, contextual))
                .Append(Dns(Obj(o, "DNS"), Obj(n, "DNS"), contextual))
                .Append(Primitive(DiffFlattener.Full(Obj(Obj(o, "CNI"), "Args")), DiffFlattener.Full(Obj(Obj(n, "CNI"), "Args")), "CNIConfig", contextual)),
            "_struct", "Device", "CIDR", "IP", "MBits");

    // Hostname is omitted from the JSON when empty, but the struct field is flattened all the same.
    private static JsonObject? WithHostname(JsonObject? network)
    {
        if (network is null || network.ContainsKey("Hostname"))
        {
            return network;
        }
        var copy = (JsonObject)network.DeepClone();
        copy["Hostname"] = "";
        return copy;
    }

    private static List<ObjectDiff> Ports(List<JsonObject> old, List<JsonObject> @new, bool dynamic, bool contextual)
    {
        var name = dynamic ? "Dynamic Port" : "Static Port";
        string[] filter = dynamic ? ["_struct", "Value", "IgnoreCollision"] : ["_struct"];
        return Sorted(KeyedPairs(old, @new, p => Str(p, "Label")).Select(p => Primitive(p.Old, p.New, name, contextual, filter)));
    }

    private static ObjectDiff? Dns(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }
        static Dictionary<string, string>? Flat(JsonObject? d)
        {
            if (d is null)
            {
                return null;
            }
            var m = new Dictionary<string, string>();
            foreach (var f in new[] { "Servers", "Searches", "Options" })
            {
                if (Strings(d, f) is { Count: > 0 } l)
                {
                    m[f] = string.Join(",", l);
                }
            }
            return m;
        }
        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : DiffTypes.Edited;
        return new ObjectDiff(type, "DNS", FieldDiff.OfMaps(Flat(old), Flat(@new), contextual), []);
    }

    /// <summary><c>serviceDiffs</c>: services matched by position, port label and name (Nomad's scores).</summary>
    public static List<ObjectDiff> Services(List<JsonObject> old, List<JsonObject> @new, bool contextual)
    {
        if (old.Count == 1 && @new.Count == 1)
        {
            return Service(old[0], @new[0], contextual) is { } one ? [one] : [];
        }
        var newMatched = new int[@new.Count];
        Array.Fill(newMatched, -1);
        var diffs = new List<ObjectDiff?>();
        for (var oi = 0; oi < old.Count; oi++)
        {
            var best = -1;
            var bestScore = 0;
            for (var ni = 0; ni < @new.Count; ni++)
            {
                if (newMatched[ni] >= 0)
                {
                    continue;
                }
                var score = (ni == oi ? 1 : 0)
                    + (Str(old[oi], "PortLabel") == Str(@new[ni], "PortLabel") ? 2 : 0)
                    + (Str(old[oi], "Name") == Str(@new[ni], "Name") ? 3 : 0);
                if (score > 2 && score > bestScore)
                {
                    bestScore = score;
                    best = ni;
                }
            }
            if (best < 0)
            {
                diffs.Add(Service(old[oi], null, contextual));
                continue;
            }
            newMatched[best] = oi;
            diffs.Add(Service(old[oi], @new[best], contextual));
        }
        for (var ni = 0; ni < @new.Count; ni++)
        {
            if (newMatched[ni] < 0)
            {
                diffs.Add(Service(null, @new[ni], contextual));
            }
        }
        return Sorted(diffs);
    }

    private static ObjectDiff? Service(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Service", contextual, (o, n) =>
        [
            StringSet(Strings(o, "CanaryTags"), Strings(n, "CanaryTags"), "CanaryTags", contextual),
            StringSet(Strings(o, "Tags"), Strings(n, "Tags"), "Tags", contextual),
            .. Sorted(KeyedPairs(Objs(o, "Checks"), Objs(n, "Checks"), c => Str(c, "Name")).Select(p => Check(p.Old, p.New, contextual))),
            ConnectDiff.Of(Obj(o, "Connect"), Obj(n, "Connect"), contextual),
            Identity(Obj(o, "Identity"), Obj(n, "Identity"), contextual),
            Struct(Obj(o, "Weights"), Obj(n, "Weights"), "Weights", contextual),
        ]);

    private static ObjectDiff? Check(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Check", contextual, (o, n) =>
        [
            Same(Obj(o, "Header"), Obj(n, "Header")) ? null : new ObjectDiff(
                Obj(o, "Header") is null ? DiffTypes.Added : Obj(n, "Header") is null ? DiffTypes.Deleted : DiffTypes.Edited,
                "Header", FieldDiff.OfMaps(DiffFlattener.Full(Obj(o, "Header")), DiffFlattener.Full(Obj(n, "Header")), contextual), []),
            Struct(Obj(o, "CheckRestart"), Obj(n, "CheckRestart"), "CheckRestart", contextual),
        ], "Header");

    /// <summary><c>idDiff</c>: a workload identity with its audience set.</summary>
    public static ObjectDiff? Identity(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Identity", contextual, (o, n) => [StringSet(Strings(o, "Audience"), Strings(n, "Audience"), "Audience", contextual)], "ExtraClaims");

    /// <summary>
    /// <c>templateDiffs</c>: one template on each side is diffed whatever its destination; otherwise templates are
    /// matched by <c>DiffID</c> (the destination), first unmatched match wins; the rest are deleted or added.
    /// </summary>
    public static List<ObjectDiff> Templates(List<JsonObject> old, List<JsonObject> @new, bool contextual)
    {
        if (old.Count == 1 && @new.Count == 1)
        {
            return Template(old[0], @new[0], contextual) is { } one ? [one] : [];
        }
        var newMatched = new bool[@new.Count];
        var diffs = new List<ObjectDiff?>();
        foreach (var o in old)
        {
            var match = -1;
            for (var i = 0; i < @new.Count; i++)
            {
                if (!newMatched[i] && Str(@new[i], "DestPath") == Str(o, "DestPath"))
                {
                    match = i;
                    break;
                }
            }
            if (match < 0)
            {
                diffs.Add(Template(o, null, contextual));
                continue;
            }
            newMatched[match] = true;
            diffs.Add(Template(o, @new[match], contextual));
        }
        for (var i = 0; i < @new.Count; i++)
        {
            if (!newMatched[i])
            {
                diffs.Add(Template(null, @new[i], contextual));
            }
        }
        return Sorted(diffs);
    }

    // templateDiff: primitive fields (Uid/Gid pointers only when set), then waitConfigDiff (named "Template", its
    // pointer fields flattened in full, "nil" when unset) and changeScriptDiff (primitive fields + the Args set).
    private static ObjectDiff? Template(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Template", contextual, (o, n) =>
        [
            Same(Obj(o, "Wait"), Obj(n, "Wait")) ? null : new ObjectDiff(
                Obj(o, "Wait") is null ? DiffTypes.Added : Obj(n, "Wait") is null ? DiffTypes.Deleted : DiffTypes.Edited,
                "Template", FieldDiff.OfMaps(DiffFlattener.Full(Obj(o, "Wait")), DiffFlattener.Full(Obj(n, "Wait")), contextual), []),
            Struct(Obj(o, "ChangeScript"), Obj(n, "ChangeScript"), "ChangeScript", contextual, (co, cn) =>
                [StringSet(Strings(co, "Args"), Strings(cn, "Args"), "Args", contextual)]),
        ]);

    /// <summary><c>volumeMountsDiffs</c>: mounts paired by position; extra old ones deleted, extra new ones added.</summary>
    public static List<ObjectDiff> VolumeMounts(List<JsonObject> old, List<JsonObject> @new, bool contextual)
    {
        var diffs = new List<ObjectDiff?>();
        for (var i = 0; i < Math.Max(old.Count, @new.Count); i++)
        {
            diffs.Add(Struct(i < old.Count ? old[i] : null, i < @new.Count ? @new[i] : null, "VolumeMount", contextual));
        }
        return Sorted(diffs);
    }

    /// <summary><c>actionDiffs</c>: actions paired by position (extras deleted or added), each its primitive fields and an <c>Args</c> set.</summary>
    public static List<ObjectDiff> Actions(List<JsonObject> old, List<JsonObject> @new, bool contextual)
    {
        var diffs = new List<ObjectDiff?>();
        for (var i = 0; i < Math.Max(old.Count, @new.Count); i++)
        {
            diffs.Add(Struct(i < old.Count ? old[i] : null, i < @new.Count ? @new[i] : null, "Action", contextual, (o, n) =>
                [StringSet(Strings(o, "Args"), Strings(n, "Args"), "Args", contextual)]));
        }
        return Sorted(diffs);
    }

    /// <summary>Members of two lists paired by a key: (old, new), (old, null) deleted, (null, new) added.</summary>
    public static IEnumerable<(JsonObject? Old, JsonObject? New)> KeyedPairs(List<JsonObject> old, List<JsonObject> @new, Func<JsonObject, string> key)
    {
        var oldMap = old.GroupBy(key).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var newMap = @new.GroupBy(key).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var (k, o) in oldMap)
        {
            yield return (o, newMap.GetValueOrDefault(k));
        }
        foreach (var (k, n) in newMap)
        {
            if (!oldMap.ContainsKey(k))
            {
                yield return (null, n);
            }
        }
    }
}

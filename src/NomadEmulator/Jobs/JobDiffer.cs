using System.Globalization;
using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.Jobs.DiffRules;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Nomad's <c>structs.Job.Diff(other, contextual: true)</c> as a plan computes it, with the scheduler's
/// annotations (<c>scheduler/annotate.go</c>); the groups' <c>Updates</c> counts are left null.
/// </summary>
public static class JobDiffer
{
    private const bool Contextual = true;

    private static readonly string[] JobFilter = ["ID", "Status", "StatusDescription", "Version", "Stable", "CreateIndex", "ModifyIndex", "JobModifyIndex", "Update", "SubmitTime", "NomadTokenID", "VaultToken", "Payload"];

    /// <summary>The plan's <c>Diff</c> between two stored jobs; a null <paramref name="storedOld"/> gives an Added diff.</summary>
    public static JsonObject Diff(JsonObject? storedOld, JsonObject? storedNew)
    {
        var type = storedOld is null ? (storedNew is null ? DiffTypes.None : DiffTypes.Added) : storedNew is null ? DiffTypes.Deleted : DiffTypes.None;
        var id = Str(storedNew ?? storedOld, "ID");
        var fields = FieldDiff.OfMaps(DiffFlattener.Primitive(storedOld, JobFilter), DiffFlattener.Primitive(storedNew, JobFilter), contextual: false);
        var objects = new List<ObjectDiff>();
        if (StringSet(Strings(storedOld, "Datacenters"), Strings(storedNew, "Datacenters"), "Datacenters", Contextual) is { Type: not DiffTypes.None } dcs)
        {
            objects.Add(dcs);
        }
        objects.AddRange(Placement(storedOld, storedNew, Contextual));
        var groups = Groups(Objs(storedOld, "TaskGroups"), Objs(storedNew, "TaskGroups"));
        if (Periodic(Obj(storedOld, "Periodic"), Obj(storedNew, "Periodic")) is { } periodic)
        {
            objects.Add(periodic);
        }
        if (Struct(Obj(storedOld, "ParameterizedJob"), Obj(storedNew, "ParameterizedJob"), "ParameterizedJob", Contextual, (o, n) =>
            [
                StringSet(Strings(o, "MetaOptional"), Strings(n, "MetaOptional"), "MetaOptional", Contextual),
                StringSet(Strings(o, "MetaRequired"), Strings(n, "MetaRequired"), "MetaRequired", Contextual),
            ]) is { } parameterized)
        {
            objects.Add(parameterized);
        }
        if (Struct(Obj(storedOld, "Multiregion"), Obj(storedNew, "Multiregion"), "Multiregion", Contextual) is { } multiregion)
        {
            objects.Add(multiregion);
        }
        if (Struct(Obj(storedOld, "UI"), Obj(storedNew, "UI"), "UI", Contextual, (o, n) => UiLinks(Objs(o, "Links"), Objs(n, "Links"))) is { } ui)
        {
            objects.Add(ui);
        }
        if (type == DiffTypes.None
            && (fields.Any(f => f.Type != DiffTypes.None) || objects.Any(o => o.Type != DiffTypes.None) || groups.Any(g => Str(g, "Type") != DiffTypes.None)))
        {
            type = DiffTypes.Edited;
        }
        return new JsonObject
        {
            ["Type"] = type,
            ["ID"] = id,
            ["Fields"] = List(fields, f => f.ToJson()),
            ["Objects"] = List(objects, o => o.ToJson()),
            ["TaskGroups"] = groups.Count == 0 ? null : new JsonArray([.. groups]),
        };
    }

    /// <summary><c>linkDiffs</c> (nomad/structs/diff.go): links pair up by position; the rest are added or deleted.</summary>
    private static List<ObjectDiff> UiLinks(List<JsonObject> old, List<JsonObject> @new)
    {
        var empty = new JsonObject { ["Label"] = "", ["Url"] = "" };
        var diffs = new List<ObjectDiff?>();
        for (var i = 0; i < old.Count && i < @new.Count; i++)
        {
            diffs.Add(UiLink(old[i], @new[i], DiffTypes.Edited));
        }
        for (var i = @new.Count; i < old.Count; i++)
        {
            diffs.Add(UiLink(old[i], empty, DiffTypes.Deleted));
        }
        for (var i = old.Count; i < @new.Count; i++)
        {
            diffs.Add(UiLink(empty, @new[i], DiffTypes.Added));
        }
        return Sorted(diffs);
    }

    private static ObjectDiff? UiLink(JsonObject old, JsonObject @new, string type) =>
        Same(old, @new) ? null : new ObjectDiff(type, "Link", FieldDiff.OfMaps(DiffFlattener.Primitive(old), DiffFlattener.Primitive(@new), Contextual), []);

    /// <summary>
    /// secretsDiff flattens a whole Secret (flatmap.Flatten, not primitive only): its strings, <c>Env[k]</c>, and its
    /// <c>Config</c> (a <c>map[string]any</c>) as <c>Config[k]</c>, nested keys and float64 numbers included.
    /// </summary>
    private static Dictionary<string, string> SecretFlat(JsonObject? secret)
    {
        var flat = DiffFlattener.Primitive(secret ?? [])!;
        foreach (var (key, value) in DiffFlattener.Full(Obj(secret, "Config"), freeForm: true) ?? [])
        {
            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            flat[bracket < 0 ? $"Config[{key}]" : $"Config[{key[..bracket]}]{key[bracket..]}"] = value;
        }
        return flat;
    }

    private static ObjectDiff? Periodic(JsonObject? old, JsonObject? @new)
    {
        var diff = Struct(old, @new, "Periodic", Contextual);
        if (diff is not null && StringSet(Strings(old, "Specs"), Strings(@new, "Specs"), "Specs", Contextual) is { Type: not DiffTypes.None } specs)
        {
            diff.Objects.Add(specs);
        }
        return diff;
    }

    private static List<JsonObject> Groups(List<JsonObject> old, List<JsonObject> @new)
    {
        var pairs = KeyedPairs(old, @new, g => Str(g, "Name"))
            .Select(p => Group(p.Old, p.New))
            .OrderBy(g => Str(g, "Name"), StringComparer.Ordinal)
            .ToList();
        return pairs;
    }

    private static JsonObject Group(JsonObject? old, JsonObject? @new)
    {
        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : Same(old, @new) ? DiffTypes.None : DiffTypes.Edited;
        var oldFlat = DiffFlattener.Primitive(old, "Name", "ShutdownDelay");
        var newFlat = DiffFlattener.Primitive(@new, "Name", "ShutdownDelay");
        if (oldFlat is not null && newFlat is not null)
        {
            oldFlat["ShutdownDelay"] = Text(old!["ShutdownDelay"]);
            newFlat["ShutdownDelay"] = Text(@new!["ShutdownDelay"]);
        }
        var fields = FieldDiff.OfMaps(oldFlat, newFlat, contextual: false);
        var objects = new List<ObjectDiff?>();
        objects.AddRange(Placement(old, @new, Contextual));
        objects.Add(Primitive(Obj(old, "RestartPolicy"), Obj(@new, "RestartPolicy"), "RestartPolicy", Contextual));
        objects.Add(Primitive(Obj(old, "Migrate"), Obj(@new, "Migrate"), "Migrate", Contextual));
        objects.Add(Primitive(Obj(old, "ReschedulePolicy"), Obj(@new, "ReschedulePolicy"), "ReschedulePolicy", Contextual));
        objects.Add(Primitive(Obj(old, "EphemeralDisk"), Obj(@new, "EphemeralDisk"), "EphemeralDisk", Contextual));
        objects.Add(Primitive(Obj(old, "Consul"), Obj(@new, "Consul"), "Consul", Contextual));
        objects.Add(Primitive(Obj(old, "Update"), Obj(@new, "Update"), "Update", Contextual, "Stagger"));
        objects.Add(Same(Obj(old, "Disconnect"), Obj(@new, "Disconnect")) ? null : new ObjectDiff(
            Obj(old, "Disconnect") is null ? DiffTypes.Added : Obj(@new, "Disconnect") is null ? DiffTypes.Deleted : DiffTypes.Edited,
            "Disconnect", FieldDiff.OfMaps(DiffFlattener.Full(Obj(old, "Disconnect")), DiffFlattener.Full(Obj(@new, "Disconnect")), Contextual), []));
        objects.AddRange(Networks(Objs(old, "Networks"), Objs(@new, "Networks"), Contextual));
        objects.Add(Scaling(Obj(old, "Scaling"), Obj(@new, "Scaling")));
        objects.AddRange(Services(Objs(old, "Services"), Objs(@new, "Services"), Contextual));
        objects.AddRange(Volumes(Obj(old, "Volumes"), Obj(@new, "Volumes")));
        var tasks = KeyedPairs(Objs(old, "Tasks"), Objs(@new, "Tasks"), t => Str(t, "Name"))
            .Select(p => Task(p.Old, p.New, type))
            .OrderBy(t => Str(t, "Name"), StringComparer.Ordinal)
            .ToList();
        AnnotateCount(fields);
        var present = objects.OfType<ObjectDiff>().ToList();
        return new JsonObject
        {
            ["Type"] = type,
            ["Name"] = Str(@new ?? old, "Name"),
            ["Fields"] = List(fields, f => f.ToJson()),
            ["Objects"] = List(present, o => o.ToJson()),
            ["Tasks"] = tasks.Count == 0 ? null : new JsonArray([.. tasks]),
            ["Updates"] = null,
        };
    }

    // scalingDiff: non-contextual fields without ids and target, plus the policy map.
    private static ObjectDiff? Scaling(JsonObject? old, JsonObject? @new)
    {
        if (Same(old, @new))
        {
            return null;
        }
        string[] filter = ["CreateIndex", "ModifyIndex", "ID", "Type", "Target[Job]", "Target[Group]", "Target[Namespace]"];
        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : DiffTypes.Edited;
        var fields = FieldDiff.OfMaps(DiffFlattener.Primitive(old, filter), DiffFlattener.Primitive(@new, filter), contextual: false);
        var objects = new List<ObjectDiff>();
        var (oldPolicy, newPolicy) = (Obj(old, "Policy"), Obj(@new, "Policy"));
        if (!Same(oldPolicy, newPolicy))
        {
            var policyType = (oldPolicy?.Count ?? 0) == 0 ? DiffTypes.Added : (newPolicy?.Count ?? 0) == 0 ? DiffTypes.Deleted : DiffTypes.Edited;
            objects.Add(new ObjectDiff(policyType, "Policy", FieldDiff.OfMaps(DiffFlattener.Full(oldPolicy, freeForm: true), DiffFlattener.Full(newPolicy, freeForm: true), contextual: false), []));
        }
        return new ObjectDiff(type, "Scaling", fields, objects);
    }

    private static List<ObjectDiff> Volumes(JsonObject? old, JsonObject? @new)
    {
        var oldList = old?.Select(kv => kv.Value).OfType<JsonObject>().ToList() ?? [];
        var newList = @new?.Select(kv => kv.Value).OfType<JsonObject>().ToList() ?? [];
        return Sorted(KeyedPairs(oldList, newList, v => Str(v, "Name")).Select(p => Struct(p.Old, p.New, "Volume", Contextual, (o, n) =>
            [
                // volumeCSIMountOptionsDiff: primitive fields and the MountFlags set.
                Struct(Obj(o, "MountOptions"), Obj(n, "MountOptions"), "MountOptions", Contextual, (mo, mn) =>
                    [StringSet(Strings(mo, "MountFlags"), Strings(mn, "MountFlags"), "MountFlags", Contextual)]),
            ])));
    }

    private static void AnnotateCount(List<FieldDiff> fields)
    {
        if (fields.FirstOrDefault(f => f.Name == "Count") is not { } count)
        {
            return;
        }
        var oldCount = count.Old.Length == 0 ? 0 : long.Parse(count.Old, CultureInfo.InvariantCulture);
        var newCount = count.New.Length == 0 ? 0 : long.Parse(count.New, CultureInfo.InvariantCulture);
        if (oldCount < newCount)
        {
            count.Annotations.Add("forces create");
        }
        else if (newCount < oldCount)
        {
            count.Annotations.Add("forces destroy");
        }
    }

    private static JsonObject Task(JsonObject? old, JsonObject? @new, string groupType)
    {
        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : Same(old, @new) ? DiffTypes.None : DiffTypes.Edited;
        var fields = FieldDiff.OfMaps(DiffFlattener.Primitive(old, "Name", "Config"), DiffFlattener.Primitive(@new, "Name", "Config"), contextual: false);
        var objects = new List<ObjectDiff?>();
        objects.AddRange(Placement(old, @new, Contextual));
        objects.Add(Config(Obj(old, "Config"), Obj(@new, "Config"), Contextual));
        objects.Add(Resources(Obj(old, "Resources"), Obj(@new, "Resources"), Contextual));
        objects.Add(Primitive(Obj(old, "LogConfig"), Obj(@new, "LogConfig"), "LogConfig", Contextual));
        objects.Add(Primitive(Obj(old, "DispatchPayload"), Obj(@new, "DispatchPayload"), "DispatchPayload", Contextual));
        objects.AddRange(PrimitiveSet(Objs(old, "Artifacts"), Objs(@new, "Artifacts"), a => Str(a, "RelativeDest") is { Length: > 0 } d ? d : Hash(a), "Artifact", Contextual));
        objects.AddRange(Services(Objs(old, "Services"), Objs(@new, "Services"), Contextual));
        objects.Add(Struct(Obj(old, "Vault"), Obj(@new, "Vault"), "Vault", Contextual));
        objects.AddRange(Sorted(KeyedPairs(Objs(old, "Secrets"), Objs(@new, "Secrets"), s => Str(s, "Name"))
            .Select(p => Same(p.Old, p.New) ? null : new ObjectDiff(
                p.Old is null ? DiffTypes.Added : p.New is null ? DiffTypes.Deleted : DiffTypes.Edited,
                "Secret", FieldDiff.OfMaps(SecretFlat(p.Old), SecretFlat(p.New), Contextual), []))));
        objects.Add(Primitive(Obj(old, "Consul"), Obj(@new, "Consul"), "Consul", Contextual));
        objects.AddRange(Templates(Objs(old, "Templates"), Objs(@new, "Templates"), Contextual));
        objects.Add(Identity(Obj(old, "Identity"), Obj(@new, "Identity"), Contextual));
        objects.AddRange(Sorted(KeyedPairs(Objs(old, "Identities"), Objs(@new, "Identities"), i => Str(i, "Name"))
            .Select(p => Identity(p.Old, p.New, Contextual))));
        objects.AddRange(Actions(Objs(old, "Actions"), Objs(@new, "Actions"), Contextual));
        objects.AddRange(VolumeMounts(Objs(old, "VolumeMounts"), Objs(@new, "VolumeMounts"), Contextual));
        var present = objects.OfType<ObjectDiff>().ToList();
        return new JsonObject
        {
            ["Type"] = type,
            ["Name"] = Str(@new ?? old, "Name"),
            ["Fields"] = List(fields, f => f.ToJson()),
            ["Objects"] = List(present, o => o.ToJson()),
            ["Annotations"] = Annotation(type, groupType, fields, present) is { } a ? new JsonArray(a) : null,
        };
    }

    private static string? Annotation(string type, string groupType, List<FieldDiff> fields, List<ObjectDiff> objects)
    {
        if (type == DiffTypes.None)
        {
            return null;
        }
        if (groupType is DiffTypes.Added or DiffTypes.Deleted)
        {
            if (type == DiffTypes.Added)
            {
                return "forces create";
            }
            if (type == DiffTypes.Deleted)
            {
                return "forces destroy";
            }
        }
        var destructive = fields.Any(f => f.Name != "KillTimeout")
            || objects.Any(o => o.Name switch
            {
                "Service" or "Constraint" or "Affinity" or "Spread" => false,
                "LogConfig" => o.Fields.Any(f => f.Name == "Disabled"),
                _ => true,
            });
        return destructive ? "forces create/destroy update" : "forces in-place update";
    }
}

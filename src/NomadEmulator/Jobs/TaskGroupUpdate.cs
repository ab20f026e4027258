using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The scheduler's <c>tasksUpdated</c> (scheduler/util.go) over stored jobs: whether a group's running
/// allocations need a destructive (create/destroy) update rather than an in-place one.
/// </summary>
internal static class TaskGroupUpdate
{
    /// <summary>True when the change from <paramref name="oldJob"/> to <paramref name="newJob"/> is destructive for group <paramref name="group"/>.</summary>
    public static bool IsDestructive(JsonObject oldJob, JsonObject newJob, string group)
    {
        var a = Objs(oldJob, "TaskGroups").First(g => Str(g, "Name") == group);
        var b = Objs(newJob, "TaskGroups").First(g => Str(g, "Name") == group);
        var aTasks = Objs(a, "Tasks");
        var bTasks = Objs(b, "Tasks");
        if (aTasks.Count != bTasks.Count
            || !Same(a["EphemeralDisk"], b["EphemeralDisk"])
            || NetworksUpdated(Objs(a, "Networks"), Objs(b, "Networks"))
            || ConsulUpdated(Obj(a, "Consul"), Obj(b, "Consul"))
            || ConnectUpdated(Objs(a, "Services"), Objs(b, "Services"))
            || !Same(a["Volumes"], b["Volumes"])
            || RenderTemplates(a) != RenderTemplates(b))
        {
            return true;
        }
        foreach (var at in aTasks)
        {
            var bt = bTasks.FirstOrDefault(t => Str(t, "Name") == Str(at, "Name"));
            if (bt is null || TaskUpdated(at, bt)
                || !SameMap(CombinedMeta(oldJob, a, at), CombinedMeta(newJob, b, bt)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TaskUpdated(JsonObject a, JsonObject b)
    {
        string[] same = ["Driver", "User", "Config", "Artifacts", "Vault", "Secrets", "Templates", "CSIPluginConfig", "VolumeMounts", "Identity", "Identities"];
        if (same.Any(f => !Same(Empty(a[f]), Empty(b[f]))) || !SameMap(Obj(a, "Env"), Obj(b, "Env")) || ConsulUpdated(Obj(a, "Consul"), Obj(b, "Consul")))
        {
            return true;
        }
        var ar = Obj(a, "Resources");
        var br = Obj(b, "Resources");
        string[] resources = ["CPU", "Cores", "MemoryMB", "MemoryMaxMB", "Devices", "NUMA", "SecretsMB"];
        return NetworksUpdated(Objs(ar, "Networks"), Objs(br, "Networks"))
            || resources.Any(f => !Same(Empty(ar?[f]), Empty(br?[f])))
            || Bool(Obj(a, "LogConfig")?["Disabled"]) != Bool(Obj(b, "LogConfig")?["Disabled"])
            || RenderTemplates(a) != RenderTemplates(b);
    }

    private static bool RenderTemplates(JsonObject owner) => Bool(Obj(owner, "RestartPolicy")?["RenderTemplates"]);

    private static bool ConsulUpdated(JsonObject? a, JsonObject? b) =>
        Str(a, "Namespace") != Str(b, "Namespace") || Str(a, "Cluster") != Str(b, "Cluster");

    private static bool ConnectUpdated(List<JsonObject> a, List<JsonObject> b)
    {
        foreach (var sa in a.Where(s => Obj(s, "Connect") is not null))
        {
            if (b.FirstOrDefault(s => Str(s, "Name") == Str(sa, "Name")) is { } sb
                && (!Same(sa["Connect"], sb["Connect"]) || Str(sa, "PortLabel") != Str(sb, "PortLabel") || Str(sa, "Cluster") != Str(sb, "Cluster")))
            {
                return true;
            }
        }
        return false;
    }

    // networkUpdated: mode, mbits, hostname, DNS, CNI and the port map (dynamic port values disregarded).
    private static bool NetworksUpdated(List<JsonObject> a, List<JsonObject> b)
    {
        if (a.Count != b.Count)
        {
            return true;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (Str(a[i], "Mode") != Str(b[i], "Mode") || Str(a[i], "MBits") != Str(b[i], "MBits") || Str(a[i], "Hostname") != Str(b[i], "Hostname")
                || !Same(a[i]["DNS"], b[i]["DNS"]) || !Same(a[i]["CNI"], b[i]["CNI"]) || PortMap(a[i]) != PortMap(b[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static string PortMap(JsonObject network) => string.Join(";",
        Objs(network, "ReservedPorts").Select(p => $"{Str(p, "Label")}|{Str(p, "Value")}|{Str(p, "To")}|{Str(p, "HostNetwork")}")
            .Concat(Objs(network, "DynamicPorts").Select(p => $"{Str(p, "Label")}|-1|{Str(p, "To")}|{Str(p, "HostNetwork")}")));

    // Job.CombinedTaskMeta: job meta, overridden by group meta, overridden by task meta.
    private static Dictionary<string, string> CombinedMeta(JsonObject job, JsonObject group, JsonObject task)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var owner in new[] { job, group, task })
        {
            foreach (var (k, v) in Obj(owner, "Meta") ?? [])
            {
                meta[k] = Text(v);
            }
        }
        return meta;
    }

    private static bool SameMap(JsonObject? a, JsonObject? b) => (a?.Count ?? 0) == 0 && (b?.Count ?? 0) == 0 || Same(a, b);

    private static bool SameMap(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    // Go's slices/maps Equal treat nil and empty alike.
    private static JsonNode? Empty(JsonNode? node) => node is JsonArray { Count: 0 } or JsonObject { Count: 0 } ? null : node;
}

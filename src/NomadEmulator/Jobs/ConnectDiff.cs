using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.Jobs.DiffRules;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Nomad's <c>connectDiffs</c> and its parts (nomad/structs/diff.go): sidecar service and proxy (upstreams by
/// datacenter/destination, expose paths, transparent proxy, config), sidecar task, and gateways (proxy with its bind
/// addresses as <c>host:port</c>, ingress TLS/listeners by protocol/port/services by name/header modifiers,
/// terminating services by name, mesh).
/// </summary>
internal static class ConnectDiff
{
    private static readonly string[] ExcludeSets = ["ExcludeInboundPorts", "ExcludeOutboundPorts", "ExcludeOutboundCIDRs", "ExcludeUIDs"];

    public static ObjectDiff? Of(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "ConsulConnect", contextual, (o, n) =>
        [
            Struct(Obj(o, "SidecarService"), Obj(n, "SidecarService"), "SidecarService", contextual, (so, sn) =>
                [Proxy(Obj(so, "Proxy"), Obj(sn, "Proxy"), contextual)]),
            SidecarTask(Obj(o, "SidecarTask"), Obj(n, "SidecarTask"), contextual),
            Gateway(Obj(o, "Gateway"), Obj(n, "Gateway"), contextual),
        ]);

    // consulProxyDiff; its transparent proxy diff is there even when nothing changed (Type None), as in Nomad.
    private static ObjectDiff? Proxy(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "ConsulProxy", contextual, (o, n) =>
        [
            .. Sorted(KeyedPairs(Objs(o, "Upstreams"), Objs(n, "Upstreams"), u => $"{Str(u, "Datacenter")}/{Str(u, "DestinationName")}")
                .Select(p => Struct(p.Old, p.New, "ConsulUpstreams", contextual, (uo, un) =>
                    [Primitive(Obj(uo, "MeshGateway"), Obj(un, "MeshGateway"), "MeshGateway", contextual)]))),
            Expose(Obj(o, "Expose"), Obj(n, "Expose"), contextual),
            TransparentProxy(Obj(o, "TransparentProxy"), Obj(n, "TransparentProxy"), contextual),
            Config(Obj(o, "Config"), Obj(n, "Config"), contextual),
        ]);

    private static ObjectDiff? Expose(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }

        var type = Objs(old, "Paths").Count == 0 ? DiffTypes.Added : Objs(@new, "Paths").Count == 0 ? DiffTypes.Deleted : DiffTypes.Edited;
        return new ObjectDiff(type, "Expose", [], PrimitiveSet(Objs(old, "Paths"), Objs(@new, "Paths"), Hash, "Paths", contextual));
    }

    private static ObjectDiff TransparentProxy(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return new ObjectDiff(DiffTypes.None, "TransparentProxy", [], []);
        }

        return Struct(old, @new, "TransparentProxy", contextual, (o, n) =>
            ExcludeSets
                .Select(set => StringSet(Strings(o, set), Strings(n, set), set, contextual))
                .Where(d => d is { Type: not DiffTypes.None }))!;
    }

    // sidecarTaskDiff: its own fields are not contextual; KillTimeout and ShutdownDelay are pointers (not flattened).
    private static ObjectDiff? SidecarTask(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }

        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : DiffTypes.Edited;
        var fields = FieldDiff.OfMaps(DiffFlattener.Primitive(old, "KillTimeout", "ShutdownDelay"), DiffFlattener.Primitive(@new, "KillTimeout", "ShutdownDelay"), contextual: false);
        List<ObjectDiff?> objects =
        [
            Config(Obj(old, "Config"), Obj(@new, "Config"), contextual),
            Resources(Obj(old, "Resources"), Obj(@new, "Resources"), contextual),
            .. Sorted(KeyedPairs(Objs(old, "Identities"), Objs(@new, "Identities"), i => Str(i, "Name")).Select(p => Identity(p.Old, p.New, contextual))),
            Primitive(Obj(old, "LogConfig"), Obj(@new, "LogConfig"), "LogConfig", contextual),
            .. VolumeMounts(Objs(old, "VolumeMounts"), Objs(@new, "VolumeMounts"), contextual),
        ];
        return new ObjectDiff(type, "SidecarTask", fields, objects.OfType<ObjectDiff>().ToList());
    }

    private static ObjectDiff? Gateway(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "Gateway", contextual, (o, n) =>
        [
            GatewayProxy(Obj(o, "Proxy"), Obj(n, "Proxy"), contextual),
            Struct(Obj(o, "Ingress"), Obj(n, "Ingress"), "Ingress", contextual, (io, @in) =>
            [
                Tls(Obj(io, "TLS"), Obj(@in, "TLS"), contextual),
                .. Sorted(KeyedPairs(Objs(io, "Listeners"), Objs(@in, "Listeners"), l => $"{Str(l, "Protocol")}/{Str(l, "Port")}")
                    .Select(p => Struct(p.Old, p.New, "Listener", contextual, (lo, ln) =>
                        Sorted(KeyedPairs(Objs(lo, "Services"), Objs(ln, "Services"), s => Str(s, "Name")).Select(s => IngressService(s.Old, s.New, contextual)))))),
            ]),
            Struct(Obj(o, "Terminating"), Obj(n, "Terminating"), "Terminating", contextual, (to, tn) =>
                Sorted(KeyedPairs(Objs(to, "Services"), Objs(tn, "Services"), s => Str(s, "Name")).Select(s => Struct(s.Old, s.New, "Service", contextual)))),
            Same(Obj(o, "Mesh"), Obj(n, "Mesh")) ? null : new ObjectDiff(
                Obj(o, "Mesh") is null ? DiffTypes.Added : Obj(n, "Mesh") is null ? DiffTypes.Deleted : DiffTypes.Edited, "Mesh", [], []),
        ]);

    // connectGatewayProxyDiff: ConnectTimeout (a pointer) is compared as Go's duration text only when both exist.
    private static ObjectDiff? GatewayProxy(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }

        var type = old is null ? DiffTypes.Added : @new is null ? DiffTypes.Deleted : DiffTypes.Edited;
        var oldFlat = DiffFlattener.Primitive(old, "ConnectTimeout");
        var newFlat = DiffFlattener.Primitive(@new, "ConnectTimeout");
        if (oldFlat is not null && newFlat is not null)
        {
            oldFlat["ConnectTimeout"] = old!["ConnectTimeout"] is JsonValue ot ? GoDuration.Format(Long(ot)) : "";
            newFlat["ConnectTimeout"] = @new!["ConnectTimeout"] is JsonValue nt ? GoDuration.Format(Long(nt)) : "";
        }

        List<ObjectDiff?> objects = [BindAddresses(Obj(old, "EnvoyGatewayBindAddresses"), Obj(@new, "EnvoyGatewayBindAddresses"), contextual), Config(Obj(old, "Config"), Obj(@new, "Config"), contextual)];
        return new ObjectDiff(type, "Proxy", FieldDiff.OfMaps(oldFlat, newFlat, contextual), objects.OfType<ObjectDiff>().ToList());
    }

    private static ObjectDiff? BindAddresses(JsonObject? old, JsonObject? @new, bool contextual)
    {
        if (Same(old, @new))
        {
            return null;
        }

        var type = (old?.Count ?? 0) == 0 ? DiffTypes.Added : (@new?.Count ?? 0) == 0 ? DiffTypes.Deleted : DiffTypes.Edited;
        static Dictionary<string, string> Flat(JsonObject? addresses) =>
            addresses?.Where(kv => kv.Value is JsonObject).ToDictionary(kv => kv.Key, kv => HostPort(Str((JsonObject)kv.Value!, "Address"), Str((JsonObject)kv.Value!, "Port")), StringComparer.Ordinal)
            ?? [];
        return new ObjectDiff(type, "EnvoyGatewayBindAddresses", FieldDiff.OfMaps(Flat(old), Flat(@new), contextual), []);
    }

    // net.JoinHostPort: an address holding a colon (IPv6) is bracketed.
    private static string HostPort(string host, string port) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    private static ObjectDiff? Tls(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "TLS", contextual, (o, n) =>
        [
            StringSet(Strings(o, "CipherSuites"), Strings(n, "CipherSuites"), "CipherSuites", contextual),
            Primitive(Obj(o, "SDS"), Obj(n, "SDS"), "SDS", contextual),
        ]);

    private static ObjectDiff? IngressService(JsonObject? old, JsonObject? @new, bool contextual) =>
        Struct(old, @new, "ConsulIngressService", contextual, (o, n) =>
        [
            StringSet(Strings(o, "Hosts"), Strings(n, "Hosts"), "Hosts", contextual),
            Tls(Obj(o, "TLS"), Obj(n, "TLS"), contextual),
            HeaderModifiers(Obj(o, "RequestHeaders"), Obj(n, "RequestHeaders"), "RequestHeaders", contextual),
            HeaderModifiers(Obj(o, "ResponseHeaders"), Obj(n, "ResponseHeaders"), "ResponseHeaders", contextual),
        ]);

    private static ObjectDiff? HeaderModifiers(JsonObject? old, JsonObject? @new, string name, bool contextual) =>
        Struct(old, @new, name, contextual, (o, n) => [StringSet(Strings(o, "Remove"), Strings(n, "Remove"), "Remove", contextual)]);
}

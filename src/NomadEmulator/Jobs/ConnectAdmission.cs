using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// Nomad's <c>jobConnectHook.Mutate</c> (nomad/job_endpoint_hook_connect.go) on a stored-shape group with networks:
/// the <c>connect-proxy-&lt;service&gt;</c> sidecar task (merged with the service's <c>sidecar_task</c>), gateway proxy
/// defaults and the <c>connect-{ingress,terminating,mesh}-&lt;service&gt;</c> gateway tasks, native task kinds, and
/// the dynamic ports they need. Tasks made here carry the server's struct defaults (<c>Task.Canonicalize</c>).
/// </summary>
internal static class ConnectAdmission
{
    private const long Second = 1_000_000_000;
    private const string BootstrapPath = "${NOMAD_SECRETS_DIR}/envoy_bootstrap.json";
    private static readonly string[] GatewayPrefixes = ["connect-ingress", "connect-terminating", "connect-mesh"];

    /// <summary>Mutates <paramref name="group"/> of <paramref name="job"/>; the mutator's error text (as the register answers it), or null.</summary>
    public static string? Mutate(JsonObject job, JsonObject group)
    {
        var networks = Objs(group, "Networks");
        if (networks.Count == 0)
        {
            return null;
        }

        foreach (var service in Objs(group, "Services"))
        {
            if (Obj(service, "Connect") is not { } connect)
            {
                continue;
            }

            var name = Str(service, "Name");
            if (Obj(connect, "SidecarService") is not null || (!Bool(connect["Native"]) && Obj(connect, "Gateway") is not null))
            {
                // Sidecar and gateway service names are interpolated (their tasks are named after them); native ones not.
                name = ConnectServiceNames.Interpolate(name, job, group);
                service["Name"] = name;
            }

            if (Obj(connect, "SidecarService") is { } sidecarService)
            {
                Sidecar(group, service, connect, sidecarService, name);
            }
            else if (Bool(connect["Native"]))
            {
                if (Native(group, service, name) is { } error)
                {
                    return error;
                }
            }
            else if (Obj(connect, "Gateway") is { } gateway)
            {
                if (Gateway(group, networks[0], service, connect, gateway, name) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>jobConnectHook.Validate</c> (groupConnectValidate for each group, the first error only): network mode and
    /// count, lower-case names for sidecars, the native service's task, upstream listeners and transparent proxy.
    /// </summary>
    public static string? Validate(JsonObject job)
    {
        foreach (var group in Objs(job, "TaskGroups"))
        {
            if (ValidateGroup(group) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ValidateGroup(JsonObject group)
    {
        var groupName = Str(group, "Name");
        var services = Objs(group, "Services");
        foreach (var service in services)
        {
            var connect = Obj(service, "Connect");
            var name = Str(service, "Name");
            string? error = null;
            if (Obj(connect, "SidecarService") is not null)
            {
                error = NetworkMode(group, "connect sidecar", allowHost: false)
                    ?? (HasUppercase(name) ? $"Consul Connect service name \"{name}\" in group \"{groupName}\" must not contain uppercase characters" : null)
                    ?? (HasUppercase(groupName) ? $"Consul Connect group \"{groupName}\" with service \"{name}\" must not contain uppercase characters" : null);
            }
            else if (connect is not null && Bool(connect["Native"]))
            {
                error = NativeTask(group, service, name, out _);
            }
            else if (Obj(connect, "Gateway") is not null)
            {
                error = NetworkMode(group, "connect gateway", allowHost: true);
            }

            if (error is not null)
            {
                return error;
            }
        }

        var listeners = new Dictionary<string, string>(StringComparer.Ordinal);
        var connectBlocks = 0;
        var transparent = false;
        foreach (var service in services)
        {
            var connect = Obj(service, "Connect");
            if (connect is not null)
            {
                connectBlocks++;
            }

            if (Obj(Obj(connect, "SidecarService"), "Proxy") is not { } proxy)
            {
                continue;
            }

            foreach (var upstream in Objs(proxy, "Upstreams"))
            {
                var socket = Str(upstream, "LocalBindSocketPath");
                var address = Str(upstream, "LocalBindAddress");
                var listener = socket.Length > 0 ? socket
                    : address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{Str(upstream, "LocalBindPort")}" : $"{address}:{Str(upstream, "LocalBindPort")}";
                if (listeners.TryGetValue(listener, out var other))
                {
                    return $"Consul Connect services \"{Str(service, "Name")}\" and \"{other}\" in group \"{groupName}\" using same address for upstreams ({listener})";
                }

                listeners[listener] = Str(service, "Name");
            }

            if (Obj(proxy, "TransparentProxy") is { } tproxy)
            {
                transparent = true;
                var dnsSet = Objs(group, "Networks").Any(n => Obj(n, "DNS") is { } dns
                    && (Strings(dns, "Servers").Count > 0 || Strings(dns, "Searches").Count > 0 || Strings(dns, "Options").Count > 0));
                if (dnsSet && !Bool(tproxy["NoDNS"]))
                {
                    return "Consul Connect transparent proxy cannot be used with network.dns unless no_dns=true";
                }

                var reserved = Objs(group, "Networks").SelectMany(n => Objs(n, "ReservedPorts")).Select(p => Str(p, "Label")).ToHashSet(StringComparer.Ordinal);
                foreach (var label in Strings(tproxy, "ExcludeInboundPorts"))
                {
                    if (!ushort.TryParse(label, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) && !reserved.Contains(label))
                    {
                        return $"Consul Connect transparent proxy port \"{label}\" must be numeric or one of network.port labels";
                    }
                }
            }
        }

        return transparent && connectBlocks > 1 ? "Consul Connect transparent proxy requires there is only one connect block" : null;
    }

    // A name that strings.ToLower would change.
    private static bool HasUppercase(string name) => name.Any(c => char.ToLowerInvariant(c) != c);

    // groupConnectNetworkModeValidate.
    internal static string? NetworkMode(JsonObject group, string prefix, bool allowHost)
    {
        var networks = Objs(group, "Networks");
        if (networks.Count != 1)
        {
            return $"{prefix}: must have exactly one network for Consul Connect: group \"{Str(group, "Name")}\" has {networks.Count} networks";
        }

        var mode = Str(networks[0], "Mode");
        if (mode == "bridge" || (allowHost && mode == "host") || mode.StartsWith("cni/", StringComparison.Ordinal))
        {
            return null;
        }

        var allowed = allowHost ? "\"bridge\", \"host\", or \"cni/*\"" : "\"bridge\" or \"cni/*\"";
        return $"{prefix}: invalid network mode for Consul Connect: group \"{Str(group, "Name")}\" uses network mode \"{mode}\"; must be {allowed}";
    }

    // getNamedTaskForNativeService: the named task, or the group's only task.
    private static string? NativeTask(JsonObject group, JsonObject service, string name, out JsonObject? task)
    {
        var tasks = Objs(group, "Tasks");
        var taskName = Str(service, "TaskName");
        task = null;
        if (taskName.Length == 0)
        {
            if (tasks.Count != 1)
            {
                return $"task for Consul Connect Native service {Str(group, "Name")}->{name} is ambiguous and must be set";
            }

            task = tasks[0];
            return null;
        }

        task = tasks.FirstOrDefault(t => Str(t, "Name") == taskName);
        return task is null ? $"task {taskName} named by Consul Connect Native service {Str(group, "Name")}->{name} does not exist" : null;
    }

    private static void Sidecar(JsonObject group, JsonObject service, JsonObject connect, JsonObject sidecarService, string name)
    {
        var tasks = Tasks(group);
        var task = tasks.OfType<JsonObject>().FirstOrDefault(t => Str(t, "Kind") == $"connect-proxy:{name}");
        if (task is null)
        {
            var cluster = Cluster(service, group);
            task = NewTask($"connect-proxy-{name}", $"connect-proxy:{name}", GuessDriver(group), ProxyConfig("${meta.connect.sidecar_image}"),
                [VersionConstraint(cluster), ListenerConstraint(cluster)]);
            task["Lifecycle"] = new JsonObject { ["Hook"] = "prestart", ["Sidecar"] = true };
            // A task of the same name makes Nomad append a random suffix (uuid); that name cannot be reproduced.
            tasks.Add(task);
        }

        if (Obj(connect, "SidecarTask") is { } sidecarTask)
        {
            MergeIntoTask(sidecarTask, task);
        }

        Canonicalize(task, group);
        var port = Str(sidecarService, "Port");
        InjectPort(group, port.Length > 0 ? port : $"connect-proxy-{name}");
    }

    private static string? Native(JsonObject group, JsonObject service, string name)
    {
        if (NativeTask(group, service, name, out var task) is { } error)
        {
            return $"error in job mutator connect: {error}";
        }

        task!["Kind"] = $"connect-native:{name}";
        service["TaskName"] = Str(task, "Name");
        return null;
    }

    private static string? Gateway(JsonObject group, JsonObject network, JsonObject service, JsonObject connect, JsonObject gateway, string name)
    {
        var mode = Str(network, "Mode");
        gateway["Proxy"] = GatewayProxy(gateway, mode);
        if (Obj(gateway, "Terminating") is not null && Str(service, "PortLabel").Length == 0)
        {
            service["PortLabel"] = $"connect-terminating-{name}";
            InjectPort(group, $"connect-terminating-{name}");
        }

        if (Obj(gateway, "Mesh") is not null)
        {
            if (Str(service, "PortLabel").Length == 0)
            {
                return "error in job mutator connect: service.port must be set for mesh gateway service";
            }

            InjectPort(group, $"connect-mesh-{name}-lan");
        }

        var prefix = Obj(gateway, "Mesh") is not null ? "connect-mesh" : Obj(gateway, "Ingress") is not null ? "connect-ingress" : "connect-terminating";
        var tasks = Tasks(group);
        var kinds = GatewayPrefixes.Select(p => $"{p}:{name}").ToHashSet(StringComparer.Ordinal);
        if (tasks.OfType<JsonObject>().Any(t => kinds.Contains(Str(t, "Kind"))))
        {
            return null;
        }

        var cluster = Cluster(service, group);
        var config = ProxyConfig("${meta.connect.gateway_image}");
        if (mode == "host")
        {
            config["network_mode"] = "host";
        }

        List<JsonObject> constraints = [VersionConstraint(cluster), ListenerConstraint(cluster)];
        if (Obj(Obj(gateway, "Ingress"), "TLS") is { } tls
            && (Str(tls, "TLSMinVersion").Length > 0 || Str(tls, "TLSMaxVersion").Length > 0 || Strings(tls, "CipherSuites").Count > 0))
        {
            constraints.Add(new JsonObject
            {
                ["LTarget"] = cluster == "default" ? "${attr.consul.version}" : $"${{attr.consul.{cluster}.version}}",
                ["RTarget"] = ">= 1.11.2",
                ["Operand"] = "semver",
            });
        }

        var task = NewTask($"{prefix}-{name}", $"{prefix}:{name}", GuessDriver(group), config, constraints);
        tasks.Add(task);
        if (Obj(connect, "SidecarTask") is { } sidecarTask)
        {
            MergeIntoTask(sidecarTask, task);
        }

        Canonicalize(task, group);
        return null;
    }

    // gatewayProxy: a proxy with its own bind options is kept; otherwise a new one keeps only the timeout, DNS
    // discovery type and config, and in bridge (or CNI) mode binds the listeners' services, "default", or wan+lan.
    private static JsonObject GatewayProxy(JsonObject gateway, string mode)
    {
        var given = Obj(gateway, "Proxy");
        if (given is not null && (Bool(given["EnvoyGatewayNoDefaultBind"]) || Bool(given["EnvoyGatewayBindTaggedAddresses"])
            || Obj(given, "EnvoyGatewayBindAddresses") is { Count: > 0 }))
        {
            // apiConnectGatewayProxyToStructs always makes the bind address map, so a kept proxy has {} for none.
            given["EnvoyGatewayBindAddresses"] ??= new JsonObject();
            return given;
        }

        var proxy = new JsonObject
        {
            ["ConnectTimeout"] = given?["ConnectTimeout"]?.DeepClone() ?? 5 * Second,
            ["EnvoyGatewayBindTaggedAddresses"] = false,
            ["EnvoyGatewayBindAddresses"] = null,
            ["EnvoyGatewayNoDefaultBind"] = false,
            ["EnvoyDNSDiscoveryType"] = given?["EnvoyDNSDiscoveryType"]?.DeepClone() ?? "",
            ["Config"] = given?["Config"]?.DeepClone(),
        };
        if (mode != "bridge" && !mode.StartsWith("cni/", StringComparison.Ordinal))
        {
            return proxy;
        }

        var addresses = new JsonObject();
        if (Obj(gateway, "Ingress") is { } ingress)
        {
            foreach (var listener in Objs(ingress, "Listeners"))
            {
                foreach (var ingressService in Objs(listener, "Services"))
                {
                    addresses[Str(ingressService, "Name")] = new JsonObject { ["Address"] = "0.0.0.0", ["Port"] = listener["Port"]?.DeepClone() ?? 0 };
                }
            }
        }
        else if (Obj(gateway, "Terminating") is not null)
        {
            addresses["default"] = new JsonObject { ["Address"] = "0.0.0.0", ["Port"] = -1 };
        }
        else if (Obj(gateway, "Mesh") is not null)
        {
            addresses["wan"] = new JsonObject { ["Address"] = "0.0.0.0", ["Port"] = -1 };
            addresses["lan"] = new JsonObject { ["Address"] = "0.0.0.0", ["Port"] = -1 };
        }
        else
        {
            return proxy;
        }

        proxy["EnvoyGatewayNoDefaultBind"] = true;
        proxy["EnvoyGatewayBindAddresses"] = addresses;
        return proxy;
    }

    private static JsonArray Tasks(JsonObject group)
    {
        if (group["Tasks"] is not JsonArray tasks)
        {
            group["Tasks"] = tasks = [];
        }

        return tasks;
    }

    // groupConnectGuessTaskDriver: podman when the group's tasks use podman and no docker, else docker.
    private static string GuessDriver(JsonObject group)
    {
        var drivers = Objs(group, "Tasks").Select(t => Str(t, "Driver")).ToHashSet(StringComparer.Ordinal);
        return drivers.Contains("podman") && !drivers.Contains("docker") ? "podman" : "docker";
    }

    // Service.GetConsulClusterName: the service's cluster, else the group's consul block's, else "default".
    private static string Cluster(JsonObject service, JsonObject group)
    {
        var cluster = Str(service, "Cluster");
        if (cluster.Length > 0)
        {
            return cluster;
        }

        var groupCluster = Str(Obj(group, "Consul"), "Cluster");
        return groupCluster.Length > 0 ? groupCluster : "default";
    }

    private static JsonObject VersionConstraint(string cluster) => new()
    {
        ["LTarget"] = cluster is "default" or "" ? "${attr.consul.version}" : $"${{attr.consul.{cluster}.version}}",
        ["RTarget"] = ">= 1.8.0",
        ["Operand"] = "semver",
    };

    private static JsonObject ListenerConstraint(string cluster) => new()
    {
        ["LTarget"] = cluster == "default" ? "${attr.consul.grpc}" : $"${{attr.consul.{cluster}.grpc}}",
        ["RTarget"] = "0",
        ["Operand"] = ">",
    };

    private static JsonObject ProxyConfig(string image) => new()
    {
        ["image"] = image,
        ["args"] = new JsonArray("-c", BootstrapPath, "-l", "${meta.connect.log_level}", "--concurrency", "${meta.connect.proxy_concurrency}", "--disable-hot-restart"),
    };

    // newConnectSidecarTask / newConnectGatewayTask as a stored task: every struct field present.
    private static JsonObject NewTask(string name, string kind, string driver, JsonObject config, List<JsonObject> constraints) => new()
    {
        ["Name"] = name,
        ["Driver"] = driver,
        ["User"] = "",
        ["Config"] = config,
        ["Env"] = null,
        ["Services"] = null,
        ["Vault"] = null,
        ["Secrets"] = null,
        ["Consul"] = null,
        ["Templates"] = null,
        ["Constraints"] = new JsonArray([.. constraints]),
        ["Affinities"] = null,
        ["Resources"] = new JsonObject
        {
            ["CPU"] = 250,
            ["Cores"] = 0,
            ["MemoryMB"] = 128,
            ["MemoryMaxMB"] = 0,
            ["DiskMB"] = 0,
            ["IOPS"] = 0,
            ["Networks"] = null,
            ["Devices"] = null,
            ["NUMA"] = null,
            ["SecretsMB"] = 0,
        },
        ["RestartPolicy"] = null,
        ["DispatchPayload"] = null,
        ["Lifecycle"] = null,
        ["Meta"] = null,
        ["KillTimeout"] = 0,
        ["LogConfig"] = new JsonObject { ["MaxFiles"] = 2, ["MaxFileSizeMB"] = 2, ["Disabled"] = false },
        ["Artifacts"] = null,
        ["Leader"] = false,
        ["ShutdownDelay"] = 5 * Second,
        ["VolumeMounts"] = null,
        ["ScalingPolicies"] = null,
        ["KillSignal"] = "",
        ["Kind"] = kind,
        ["CSIPluginConfig"] = null,
        ["Identity"] = null,
        ["Identities"] = null,
        ["Actions"] = null,
        ["Schedule"] = null,
    };

    // SidecarTask.MergeIntoTask (nomad/structs/services.go). The sidecar task was canonicalized by the API first,
    // so its resources, logs, kill timeout and shutdown delay are always set.
    private static void MergeIntoTask(JsonObject sidecar, JsonObject task)
    {
        if (Str(sidecar, "Name").Length > 0)
        {
            task["Name"] = Str(sidecar, "Name");
        }

        var driver = Str(sidecar, "Driver");
        if (driver.Length > 0 && driver != Str(task, "Driver"))
        {
            task["Driver"] = driver;
            task["Config"] = sidecar["Config"]?.DeepClone();
        }
        else if (Obj(sidecar, "Config") is { } config && Obj(task, "Config") is { } own)
        {
            foreach (var (key, value) in config)
            {
                own[key] = value?.DeepClone();
            }
        }

        if (Str(sidecar, "User").Length > 0)
        {
            task["User"] = Str(sidecar, "User");
        }

        CopyMap(sidecar, task, "Env");
        if (Obj(sidecar, "Resources") is { } resources && Obj(task, "Resources") is { } taskResources)
        {
            // Resources.Merge: non-zero values and non-empty lists win.
            foreach (var field in new[] { "CPU", "Cores", "MemoryMB", "MemoryMaxMB", "DiskMB", "SecretsMB" })
            {
                if (Long(resources[field]) != 0)
                {
                    taskResources[field] = resources[field]!.DeepClone();
                }
            }

            foreach (var field in new[] { "Networks", "Devices" })
            {
                if (resources[field] is JsonArray { Count: > 0 } list)
                {
                    taskResources[field] = list.DeepClone();
                }
            }
        }

        CopyMap(sidecar, task, "Meta");
        if (sidecar["KillTimeout"] is JsonValue killTimeout)
        {
            task["KillTimeout"] = killTimeout.DeepClone();
        }

        if (Obj(sidecar, "LogConfig") is { } logs && Obj(task, "LogConfig") is { } taskLogs)
        {
            foreach (var field in new[] { "MaxFiles", "MaxFileSizeMB" })
            {
                if (Long(logs[field]) > 0)
                {
                    taskLogs[field] = logs[field]!.DeepClone();
                }
            }
        }

        if (sidecar["ShutdownDelay"] is JsonValue shutdownDelay)
        {
            task["ShutdownDelay"] = shutdownDelay.DeepClone();
        }

        if (Str(sidecar, "KillSignal").Length > 0)
        {
            task["KillSignal"] = Str(sidecar, "KillSignal");
        }

        foreach (var field in new[] { "VolumeMounts", "Identities" })
        {
            if (sidecar[field] is JsonArray list)
            {
                task[field] = list.DeepClone();
            }
        }
    }

    private static void CopyMap(JsonObject from, JsonObject to, string field)
    {
        if (Obj(from, field) is not { } map)
        {
            return;
        }

        if (Obj(to, field) is { } own)
        {
            foreach (var (key, value) in map)
            {
                own[key] = value?.DeepClone();
            }
        }
        else
        {
            to[field] = map.DeepClone();
        }
    }

    // structs.Task.Canonicalize for the tasks made here: empty maps and lists nil, the group's restart policy,
    // the default kill timeout.
    private static void Canonicalize(JsonObject task, JsonObject group)
    {
        foreach (var field in new[] { "Meta", "Config", "Env" })
        {
            if (task[field] is JsonObject { Count: 0 })
            {
                task[field] = null;
            }
        }

        foreach (var field in new[] { "Constraints", "Affinities", "VolumeMounts" })
        {
            if (task[field] is JsonArray { Count: 0 })
            {
                task[field] = null;
            }
        }

        task["RestartPolicy"] ??= group["RestartPolicy"]?.DeepClone();
        if (Long(task["KillTimeout"]) == 0)
        {
            task["KillTimeout"] = 5 * Second;
        }
    }

    // injectPort: a dynamic port with To -1 on the group's first network, unless one has the label.
    private static void InjectPort(JsonObject group, string label)
    {
        var network = Objs(group, "Networks")[0];
        if (network["DynamicPorts"] is not JsonArray ports)
        {
            network["DynamicPorts"] = ports = [];
        }

        if (ports.OfType<JsonObject>().Any(p => Str(p, "Label") == label))
        {
            return;
        }

        ports.Add(new JsonObject { ["Label"] = label, ["Value"] = 0, ["To"] = -1, ["HostNetwork"] = "default", ["IgnoreCollision"] = false });
    }
}

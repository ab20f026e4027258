using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The API→struct conversion (<c>command/agent/job_endpoint.go</c> ApiJobToStructJob) and the default
/// admission mutators (<c>nomad/job_endpoint_hooks.go</c>: implicit constraints, canonicalize, default
/// identity), applied to a canonicalized API job's JSON.
/// </summary>
internal static class JobConversion
{
    /// <summary>
    /// The stored shape of <paramref name="apiJob"/> (a new object; the input is untouched), or the error text of a
    /// mutator that refuses it (the Connect hook's).
    /// </summary>
    public static (JsonObject Job, string? Error) ToStored(JsonObject apiJob)
    {
        var job = (JsonObject)apiJob.DeepClone();
        EmptyToNull(job);
        job.Remove("Migrate");
        job.Remove("Reschedule");
        UiLinks(job);
        Default(job, "NodePool", "default", replaceEmpty: true);
        Default(job, "Namespace", "default", replaceEmpty: true);
        Default(job, "Region", "global", replaceEmpty: true);
        if (job["Datacenters"] is null)
        {
            job["Datacenters"] = new JsonArray("*");
        }
        // ApiJobToStructJob copies neither these nor the server-set fields: a register cannot set them.
        job["ParentID"] = "";
        job["Dispatched"] = false;
        job["ConsulNamespace"] = "";
        job["DispatchIdempotencyToken"] = "";
        job["NomadTokenID"] = "";
        // jobCanonicalizer.Mutate: a zero priority becomes the server's job_default_priority (50 on a default server).
        if (Long(job["Priority"], 0) == 0)
        {
            job["Priority"] = 50;
        }
        // ParameterizedJobConfig.Canonicalize (nomad/structs/structs.go): an empty payload requirement is "optional".
        if (Obj(job, "ParameterizedJob") is { } parameterized)
        {
            Default(parameterized, "Payload", "optional", replaceEmpty: true);
        }
        Default(job, "SubmitTime", 0);
        var update = Obj(job, "Update");
        job["Update"] = new JsonObject
        {
            ["Stagger"] = Long(update?["Stagger"], 0),
            ["MaxParallel"] = Long(update?["MaxParallel"], 0),
            ["HealthCheck"] = "",
            ["MinHealthyTime"] = 0,
            ["HealthyDeadline"] = 0,
            ["ProgressDeadline"] = 0,
            ["AutoRevert"] = false,
            ["AutoPromote"] = false,
            ["Canary"] = 0,
        };
        // Each admission mutator walks every group before the next one runs: canonicalize and jobConnectHook, then
        // jobExposeCheckHook, then the implied constraints and the rest. So a connect error in a later group wins
        // over an expose error in an earlier one.
        var groups = Objs(job, "TaskGroups");
        foreach (var group in groups)
        {
            if (Connect(job, group, Str(job, "Name"), Str(job, "Namespace")) is { } error)
            {
                return (job, error);
            }
        }
        foreach (var group in groups)
        {
            if (ExposeCheckAdmission.Mutate(group) is { } exposeError)
            {
                return (job, exposeError);
            }
        }
        // Job.Secrets: each group's distinct secret providers; jobImpliedConstraints gives every group the
        // constraints of every group's providers (a Go map walk: with two groups using secrets Nomad's order varies).
        var secretProviders = groups
            .Select(g => Objs(g, "Tasks").SelectMany(t => Objs(t, "Secrets")).Select(x => Str(x, "Provider")).Distinct(StringComparer.Ordinal).ToList())
            .Where(p => p.Count > 0).SelectMany(p => p).ToList();
        foreach (var group in groups)
        {
            Group(group, Str(job, "Name"), Str(job, "ID"), Str(job, "Namespace"), secretProviders);
        }
        return (job, null);
    }

    // The conversion and canonicalization of a group, then jobConnectHook's mutation of it.
    private static string? Connect(JsonObject job, JsonObject group, string jobName, string jobNamespace)
    {
        // ApiTgToStructsTG copies none of the deprecated disconnect fields (ignored in favour of the disconnect
        // block), so they are never stored and their Job.Warnings cannot fire.
        group["PreventRescheduleOnLost"] = false;
        group["MaxClientDisconnect"] = null;
        group["StopAfterClientDisconnect"] = null;
        // ApiTgToStructsTG ignores volumes whose type it does not know (host and csi only); the map stays, maybe empty.
        if (Obj(group, "Volumes") is { } volumes)
        {
            foreach (var name in volumes.Where(v => v.Value is not JsonObject o || Str(o, "Type") is not ("host" or "csi")).Select(v => v.Key).ToList())
            {
                volumes.Remove(name);
            }
        }
        foreach (var network in Objs(group, "Networks"))
        {
            Network(network);
        }
        var services = Objs(group, "Services");
        var groupName = Str(group, "Name");
        foreach (var service in services)
        {
            Service(service, jobName, groupName, "group", jobNamespace);
        }
        // TaskGroup.Canonicalize: DisconnectStrategy.Canonicalize (nomad/structs/group.go).
        if (Obj(group, "Disconnect") is { } disconnect)
        {
            // ApiTgToStructsTG copies LostAfter only when the API pointer is set: the stored value is a plain duration.
            Default(disconnect, "LostAfter", 0);
            Default(disconnect, "Replace", true);
            Default(disconnect, "Reconcile", "best_score", replaceEmpty: true);
        }
        foreach (var task in Objs(group, "Tasks"))
        {
            Identities(task);
            foreach (var service in Objs(task, "Services"))
            {
                // ApiServicesToStructs copies a check's task name only for group services; a task service's checks
                // get the service's task from ServiceCheck.Canonicalize, whatever the request said.
                foreach (var check in Objs(service, "Checks"))
                {
                    check["TaskName"] = "";
                }
                Service(service, jobName, groupName, Str(task, "Name"), jobNamespace);
            }
        }
        PartitionConstraints(group);
        // jobConnectHook runs before the implied constraints, so the tasks it adds count for them.
        return ConnectAdmission.Mutate(job, group);
    }

    // The mutators after jobExposeCheckHook, and the conversion of the group's tasks.
    private static void Group(JsonObject group, string jobName, string jobId, string jobNamespace, List<string> secretProviders)
    {
        var services = Objs(group, "Services");
        var groupName = Str(group, "Name");
        var tasks = Objs(group, "Tasks");
        ImpliedConstraints(group, services, tasks, secretProviders);
        // jobImplicitIdentitiesHook (after the implied constraints and the node pool hook): a group with a service
        // identity or a task with named identities gets the client version constraint, appended without a duplicate
        // check. A default server configures no Consul or Vault default identities, so none is injected.
        // handleConsulService: a Consul service's own identity gets its unique name and the service's name.
        foreach (var service in services.Concat(tasks.SelectMany(t => Objs(t, "Services"))))
        {
            if (Obj(service, "Identity") is { } wid && Str(service, "Provider") is "" or "consul")
            {
                var taskName = Str(service, "TaskName");
                var prefix = taskName.Length > 0 ? $"consul-service_{taskName}-" : "consul-service_";
                wid["Name"] = $"{prefix}{Str(service, "Name")}-{Str(service, "PortLabel")}";
                wid["ServiceName"] = Str(service, "Name");
            }
        }
        if (services.Any(s => Obj(s, "Identity") is not null)
            || tasks.Any(t => Objs(t, "Services").Any(s => Obj(s, "Identity") is not null) || Objs(t, "Identities").Count > 0))
        {
            var constraints = group["Constraints"] as JsonArray ?? [];
            constraints.Add(new JsonObject { ["LTarget"] = "${attr.nomad.version}", ["RTarget"] = ">= 1.7.0-a", ["Operand"] = "semver" });
            group["Constraints"] = constraints;
        }
        if (Obj(group, "Scaling") is { } scaling)
        {
            ToFloat64(scaling["Policy"]);
            scaling.Remove("Namespace");
            // ApiScalingPolicyToStructs (command/agent/scaling_endpoint.go): a missing max is -1 (Validate refuses
            // it), a missing min the group's count, a missing enabled true.
            Default(scaling, "Max", -1);
            Default(scaling, "Min", Long(group["Count"]));
            Default(scaling, "Enabled", true);
            // ScalingPolicy.Canonicalize: the target names the job by its ID.
            scaling["Target"] = new JsonObject { ["Group"] = groupName, ["Job"] = jobId, ["Namespace"] = jobNamespace };
        }
        foreach (var task in tasks)
        {
            Task(task);
            // A task's scaling policies (vertical_cpu, vertical_mem) go through ApiScalingPolicyToStructs with count 0
            // and ScalingPolicy.Canonicalize, whose target also names the task; the struct has no Namespace.
            foreach (var policy in Objs(task, "ScalingPolicies"))
            {
                ToFloat64(policy["Policy"]);
                policy.Remove("Namespace");
                Default(policy, "Max", -1);
                Default(policy, "Min", 0);
                Default(policy, "Enabled", true);
                Default(policy, "Type", "horizontal", replaceEmpty: true);
                policy["Target"] = new JsonObject { ["Group"] = groupName, ["Job"] = jobId, ["Namespace"] = jobNamespace, ["Task"] = Str(task, "Name") };
            }
        }
    }

    // jobImpliedConstraints, in Nomad's order: vault, secrets, signals, Nomad service discovery (+ checks), Consul,
    // bridge CNI, transparent proxy.
    private static void ImpliedConstraints(JsonObject group, List<JsonObject> services, List<JsonObject> tasks, List<string> secretProviders)
    {
        if (tasks.Any(t => Obj(t, "Vault") is not null))
        {
            AddConstraint(group, "${attr.vault.version}", ">= 0.6.1", "semver", matchLeftOnly: true);
        }
        foreach (var provider in secretProviders)
        {
            AddConstraint(group, $"${{attr.plugins.secrets.{provider}.version}}", "", "is_set", matchLeftOnly: true);
        }
        var signals = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (Obj(task, "Vault") is { } vault && Str(vault, "ChangeMode") == "signal")
            {
                signals.Add(Str(vault, "ChangeSignal"));
            }
            if (Str(task, "KillSignal") is { Length: > 0 } kill)
            {
                signals.Add(kill);
            }
            foreach (var template in Objs(task, "Templates").Where(t => Str(t, "ChangeMode") == "signal"))
            {
                signals.Add(Str(template, "ChangeSignal"));
            }
        }
        if (signals.Count > 0)
        {
            AddConstraint(group, "${attr.os.signals}", string.Join(",", signals), "set_contains", matchLeftOnly: false);
        }
        var all = services.Concat(tasks.SelectMany(t => Objs(t, "Services"))).ToList();
        if (all.Any(s => Str(s, "Provider") == "nomad"))
        {
            AddConstraint(group, "${attr.nomad.service_discovery}", "true", "=", matchLeftOnly: false);
        }
        if (all.Any(s => Str(s, "Provider") == "nomad" && Objs(s, "Checks").Count > 0))
        {
            AddConstraint(group, "${attr.nomad.version}", ">= 1.4.0", "semver", matchLeftOnly: false);
        }
        if (all.Any(s => Str(s, "Provider") == "consul"))
        {
            foreach (var service in services.Where(s => Str(s, "Provider") == "consul"))
            {
                AddConstraint(group, ConsulVersionTarget(service), ">= 1.8.0", "semver", matchLeftOnly: true);
            }
            foreach (var task in tasks)
            {
                foreach (var service in Objs(task, "Services").Where(s => Str(s, "Provider") == "consul"))
                {
                    AddConstraint(task, ConsulVersionTarget(service), ">= 1.8.0", "semver", matchLeftOnly: true);
                }
            }
        }
        if (Objs(group, "Networks").Any(n => Str(n, "Mode") == "bridge"))
        {
            foreach (var plugin in new[] { "bridge", "firewall", "host-local", "loopback", "portmap" })
            {
                AddConstraint(group, $"${{attr.plugins.cni.version.{plugin}}}", ">= 0.4.0", "semver", matchLeftOnly: true);
            }
        }
        // Job.RequiredTransparentProxy: a group service whose sidecar proxy has a transparent_proxy block.
        if (services.Any(s => Obj(Obj(Obj(Obj(s, "Connect"), "SidecarService"), "Proxy"), "TransparentProxy") is not null))
        {
            AddConstraint(group, "${attr.plugins.cni.version.consul-cni}", ">= 1.4.2", "semver", matchLeftOnly: true);
            AddConstraint(group, "${attr.nomad.version}", ">= 1.8.0-dev", "semver", matchLeftOnly: true);
        }
    }

    // The consul constraint of the first consul service (a non-default cluster names its own fingerprint).
    private static string ConsulVersionTarget(JsonObject service)
    {
        var cluster = Str(service, "Cluster");
        return cluster is "" or "default" ? "${attr.consul.version}" : $"${{attr.consul.{cluster}.version}}";
    }

    // mutateConstraint: appended unless present (whole constraint, or only its LTarget for "left" matchers).
    private static void AddConstraint(JsonObject owner, string left, string right, string operand, bool matchLeftOnly)
    {
        var constraints = owner["Constraints"] as JsonArray ?? [];
        if (constraints.OfType<JsonObject>().Any(c => Str(c, "LTarget") == left && (matchLeftOnly || (Str(c, "RTarget") == right && Str(c, "Operand") == operand))))
        {
            return;
        }
        constraints.Add(new JsonObject { ["LTarget"] = left, ["RTarget"] = right, ["Operand"] = operand });
        owner["Constraints"] = constraints;
    }

    private static void Network(JsonObject network)
    {
        // Hostname is `json:",omitempty"` in the struct: kept when set.
        if (Str(network, "Hostname").Length == 0)
        {
            network.Remove("Hostname");
        }
        Default(network, "MBits", 0);
        foreach (var port in Objs(network, "DynamicPorts").Concat(Objs(network, "ReservedPorts")))
        {
            Default(port, "HostNetwork", "default", replaceEmpty: true);
        }
    }

    private static void Service(JsonObject service, string jobName, string groupName, string taskName, string jobNamespace)
    {
        service.Remove("CheckRestart");
        if (Str(service, "TaskName").Length == 0 && taskName != "group")
        {
            service["TaskName"] = taskName;
        }
        var name = Str(service, "Name")
            .Replace("${JOB}", jobName, StringComparison.Ordinal)
            .Replace("${TASKGROUP}", groupName, StringComparison.Ordinal)
            .Replace("${TASK}", taskName, StringComparison.Ordinal)
            .Replace("${BASE}", $"{jobName}-{groupName}-{taskName}", StringComparison.Ordinal);
        service["Name"] = name;
        Default(service, "Provider", "consul", replaceEmpty: true);
        if (Str(service, "Provider") == "consul")
        {
            Default(service, "Namespace", "default", replaceEmpty: true);
        }
        else if (Str(service, "Provider") == "nomad")
        {
            service["Namespace"] = jobNamespace;
        }
        if (Obj(service, "Connect") is { } connect)
        {
            ConnectToStruct(connect);
        }
        foreach (var check in Objs(service, "Checks"))
        {
            check.Remove("Advertise");
            if (Str(check, "Name").Length == 0)
            {
                check["Name"] = $"service: {GoQuote(name)} check";
            }
            // ServiceCheck.Canonicalize(s.Name, s.TaskName): the service's task name, so a group service's `task`
            // reaches its checks.
            var serviceTask = Str(service, "TaskName");
            if (Str(check, "TaskName").Length == 0 && serviceTask != "group")
            {
                check["TaskName"] = serviceTask;
            }
            Default(check, "OnUpdate", "require_healthy", replaceEmpty: true);
        }
    }

    // ApiConsulConnectToStructs: the deprecated ExposeConfig alias is dropped, an upstream's mesh gateway is a struct
    // value ({"Mode": ""} when unset), the sidecar task's logs lose Enabled and its resources' pointers become zero.
    private static void ConnectToStruct(JsonObject connect)
    {
        if (Obj(Obj(connect, "SidecarService"), "Proxy") is { } proxy)
        {
            proxy.Remove("ExposeConfig");
            // apiConsulExposeConfigToStructs: the struct has only Paths; the deprecated Path, when set, wins.
            if (Obj(proxy, "Expose") is { } expose)
            {
                if (expose["Path"] is { } path)
                {
                    expose["Paths"] = path.DeepClone();
                }
                expose.Remove("Path");
            }
            foreach (var upstream in Objs(proxy, "Upstreams"))
            {
                upstream["MeshGateway"] ??= new JsonObject { ["Mode"] = "" };
            }
        }
        if (Obj(connect, "SidecarTask") is { } task)
        {
            Obj(task, "LogConfig")?.Remove("Enabled");
            if (Obj(task, "Resources") is { } resources)
            {
                foreach (var field in new[] { "DiskMB", "IOPS", "MemoryMaxMB", "SecretsMB", "CPU", "Cores", "MemoryMB" })
                {
                    Default(resources, field, 0);
                }
            }
        }
    }

    private static string GoQuote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>ApiJobUIConfigToStructs: a link's <c>URL</c> is the struct's <c>Url</c>.</summary>
    private static void UiLinks(JsonObject job)
    {
        if (Obj(job, "UI") is { } ui && ui["Links"] is JsonArray links)
        {
            foreach (var link in links.OfType<JsonObject>())
            {
                link["Url"] = link["URL"]?.DeepClone() ?? "";
                link.Remove("URL");
                link["Label"] ??= "";
            }
        }
    }

    /// <summary>
    /// A <c>map[string]interface{}</c> (a driver config, a scaling policy) decodes every JSON number as a float64,
    /// so the stored job holds the nearest double (9007199254740993 is stored as 9007199254740992).
    /// </summary>
    private static void ToFloat64(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                    {
                        o[key] = Float64(v);
                    }
                    else
                    {
                        ToFloat64(o[key]);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                    {
                        a[i] = Float64(v);
                    }
                    else
                    {
                        ToFloat64(a[i]);
                    }
                }
                break;
        }
    }

    // The number is kept as Go's encoding/json writes a float64 (GoFloat.Json), so answers carry 0.00001, not 1E-05.
    private static JsonValue Float64(JsonValue number)
    {
        var value = double.Parse(number.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? JsonNode.Parse(GoFloat.Json(value))!.AsValue()
            : JsonValue.Create(value);
    }

    // Canonicalize and ApiJobToStructJob keep empty lists and maps as nil (Go's DeepEqual tells them apart), except a
    // template change script's Args: api ChangeScript.Canonicalize makes them []string{} and the conversion copies that.
    private static void EmptyToNull(JsonNode? node, string parentKey = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                {
                    var child = o[key];
                    var keptEmpty = key is "TaskGroups" or "Tasks" or "Specs" || (parentKey == "ChangeScript" && key == "Args");
                    if ((child is JsonArray { Count: 0 } && !keptEmpty) || (child is JsonObject { Count: 0 } && EmptyMaps.Contains(key)))
                    {
                        o[key] = null;
                    }
                    else
                    {
                        EmptyToNull(child, key);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    EmptyToNull(item, parentKey);
                }
                break;
        }
    }

    private static readonly HashSet<string> EmptyMaps = ["Meta", "Env", "Config", "TaggedAddresses", "Header", "CanaryMeta"];

    private static void Task(JsonObject task)
    {
        ToFloat64(task["Config"]);
        Default(task, "CSIPluginConfig", null);
        if (Obj(task, "LogConfig") is { } log)
        {
            log.Remove("Enabled");
        }
        if (Obj(task, "Resources") is { } resources)
        {
            foreach (var field in new[] { "DiskMB", "IOPS", "MemoryMaxMB", "SecretsMB", "CPU", "Cores", "MemoryMB" })
            {
                Default(resources, field, 0);
            }
            // ApiResourcesToStructs does not copy a task's disk (only the group's ephemeral disk counts), and converts
            // the deprecated task networks as the group's (ApiNetworkResourceToStructs).
            resources["DiskMB"] = 0;
            foreach (var network in Objs(resources, "Networks"))
            {
                Network(network);
            }
        }
        if (task["Identity"] is null)
        {
            task["Identity"] = new JsonObject
            {
                ["Name"] = "default",
                ["Audience"] = new JsonArray("nomadproject.io"),
                ["ChangeMode"] = "",
                ["ChangeSignal"] = "",
                ["Env"] = false,
                ["File"] = false,
                ["Filepath"] = "",
                ["ServiceName"] = "",
                ["TTL"] = 0,
                ["ExtraClaims"] = null,
            };
        }
    }

    // Task.Canonicalize's identities (nomad/structs/structs.go, WorkloadIdentity.Canonicalize in workload_id.go): each
    // named identity gets Name "" -> "default" and an upper-cased ChangeSignal; the last "default" one in the list
    // becomes Task.Identity and leaves the list (an earlier one stays, and Task.Validate reports a duplicate); a
    // default identity's Audience is always ["nomadproject.io"].
    private static void Identities(JsonObject task)
    {
        var identities = task["Identities"] as JsonArray;
        var defaultIndex = -1;
        for (var i = 0; i < (identities?.Count ?? 0); i++)
        {
            if (identities![i] is JsonObject wid)
            {
                CanonicalizeIdentity(wid);
                if (Str(wid, "Name") == "default")
                {
                    task["Identity"] = wid.DeepClone();
                    defaultIndex = i;
                }
            }
        }
        if (defaultIndex >= 0)
        {
            // slices.Delete leaves an empty, non-nil slice: the stored job shows [].
            identities!.RemoveAt(defaultIndex);
        }
        if (Obj(task, "Identity") is { } identity)
        {
            CanonicalizeIdentity(identity);
        }
    }

    private static void CanonicalizeIdentity(JsonObject wid)
    {
        if (Str(wid, "Name").Length == 0)
        {
            wid["Name"] = "default";
        }
        if (Str(wid, "Name") == "default")
        {
            wid["Audience"] = new JsonArray("nomadproject.io");
        }
        if (Str(wid, "ChangeSignal") is { Length: > 0 } signal)
        {
            wid["ChangeSignal"] = signal.ToUpperInvariant();
        }
    }

    /// <summary>Sets a missing or null field (and optionally an empty string) to its struct default.</summary>
    /// <summary>
    /// jobConsulHook.mutateImpl (nomad/job_endpoint_hook_consul.go): a group's or task's <c>consul</c> block with an
    /// admin partition appends <c>${attr.consul.partition} = &lt;partition&gt;</c> (<c>${attr.consul.&lt;cluster&gt;.partition}</c>
    /// for another cluster) to that group's or task's constraints, after the user's and before the implied ones.
    /// </summary>
    private static void PartitionConstraints(JsonObject group)
    {
        foreach (var owner in Objs(group, "Tasks").Prepend(group))
        {
            if (Obj(owner, "Consul") is not { } consul || Str(consul, "Partition") is not { Length: > 0 } partition)
            {
                continue;
            }
            var cluster = Str(consul, "Cluster");
            var target = cluster is "default" or "" ? "${attr.consul.partition}" : "${attr.consul." + cluster + ".partition}";
            if (owner["Constraints"] is not JsonArray constraints)
            {
                owner["Constraints"] = constraints = [];
            }
            constraints.Add(new JsonObject { ["LTarget"] = target, ["RTarget"] = partition, ["Operand"] = "=" });
        }
    }

    private static void Default(JsonObject owner, string name, JsonNode? value, bool replaceEmpty = false)
    {
        var current = owner[name];
        if (!owner.ContainsKey(name) || current is null || (replaceEmpty && Text(current).Length == 0 && current is JsonValue))
        {
            owner[name] = value;
        }
    }
}

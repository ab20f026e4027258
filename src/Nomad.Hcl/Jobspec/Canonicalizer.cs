using System.Text.Json.Nodes;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// Fills the defaults that hashicorp/nomad's <c>api</c> <c>Canonicalize</c> methods fill (api/jobs.go, api/tasks.go,
/// api/resources.go, api/services.go, api/scaling.go), on the JSON of a decoded job.
/// </summary>
internal static class Canonicalizer
{
    private const long Second = 1_000_000_000;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;

    private static void Default(JsonObject obj, string field, JsonNode? value)
    {
        if (obj[field] is null)
        {
            obj[field] = value;
        }
    }

    private static void Defaults(JsonObject obj, JsonObject defaults)
    {
        foreach (var (k, v) in defaults)
        {
            Default(obj, k, v?.DeepClone());
        }
    }

    /// <summary>Copies the non-null fields of <paramref name="other"/> over <paramref name="target"/> (the api's Merge).</summary>
    private static JsonObject Merge(JsonObject target, JsonObject other)
    {
        foreach (var (k, v) in other)
        {
            if (v is not null)
            {
                target[k] = v.DeepClone();
            }
        }

        return target;
    }

    private static IEnumerable<JsonObject> Each(JsonObject obj, string field) =>
        (obj[field] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string Text(JsonObject obj, string field) => obj[field]?.GetValue<string>() ?? "";

    private static JsonObject DefaultUpdate() => new()
    {
        ["Stagger"] = 30 * Second,
        ["MaxParallel"] = 1,
        ["HealthCheck"] = "checks",
        ["MinHealthyTime"] = 10 * Second,
        ["HealthyDeadline"] = 5 * Minute,
        ["ProgressDeadline"] = 10 * Minute,
        ["AutoRevert"] = false,
        ["Canary"] = 0,
        ["AutoPromote"] = false,
    };

    private static JsonObject DefaultReschedule(string jobType) => jobType switch
    {
        "service" => new JsonObject
        {
            ["Delay"] = 30 * Second,
            ["DelayFunction"] = "exponential",
            ["MaxDelay"] = Hour,
            ["Unlimited"] = true,
            ["Attempts"] = 0,
            ["Interval"] = 0,
        },
        "batch" => new JsonObject
        {
            ["Attempts"] = 1,
            ["Interval"] = 24 * Hour,
            ["Delay"] = 5 * Second,
            ["DelayFunction"] = "constant",
            ["MaxDelay"] = 0,
            ["Unlimited"] = false,
        },
        _ => new JsonObject
        {
            ["Attempts"] = 0,
            ["Interval"] = 0,
            ["Delay"] = 0,
            ["DelayFunction"] = "",
            ["MaxDelay"] = 0,
            ["Unlimited"] = false,
        },
    };

    private static JsonObject DefaultRestart(string jobType) => jobType is "service" or "system"
        ? new JsonObject { ["Delay"] = 15 * Second, ["Attempts"] = 2, ["Interval"] = 30 * Minute, ["Mode"] = "fail", ["RenderTemplates"] = false }
        : new JsonObject { ["Delay"] = 15 * Second, ["Attempts"] = 3, ["Interval"] = 24 * Hour, ["Mode"] = "fail", ["RenderTemplates"] = false };

    private static bool UpdateIsEmpty(JsonObject? u)
    {
        if (u is null)
        {
            return true;
        }

        foreach (var (_, v) in u)
        {
            if (v is JsonValue value && value.ToJsonString() is not ("0" or "false" or "\"\""))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>api.Job.Canonicalize.</summary>
    public static void Job(JsonObject job)
    {
        Default(job, "ID", "");
        Default(job, "Name", job["ID"]!.DeepClone());
        Default(job, "ParentID", "");
        Default(job, "Namespace", "default");
        Default(job, "Priority", 50);
        Default(job, "Stop", false);
        Default(job, "Region", "global");
        Default(job, "NodePool", "");
        Default(job, "Type", "service");
        Default(job, "AllAtOnce", false);
        Default(job, "ConsulNamespace", "");
        Default(job, "VaultNamespace", "");
        Default(job, "NomadTokenID", "");
        Default(job, "Status", "");
        Default(job, "StatusDescription", "");
        Default(job, "Stable", false);
        Default(job, "Version", 0);
        Default(job, "CreateIndex", 0);
        Default(job, "ModifyIndex", 0);
        Default(job, "JobModifyIndex", 0);
        var type = Text(job, "Type");
        if (job["Periodic"] is JsonObject periodic)
        {
            Default(periodic, "Enabled", true);
            Default(periodic, "Spec", "");
            Default(periodic, "Specs", new JsonArray());
            Default(periodic, "SpecType", "cron");
            Default(periodic, "ProhibitOverlap", false);
            if (Text(periodic, "TimeZone").Length == 0)
            {
                periodic["TimeZone"] = "UTC";
            }
        }

        if (job["Update"] is JsonObject update)
        {
            Defaults(update, DefaultUpdate());
        }
        else if (type is "service" or "system")
        {
            job["Update"] = DefaultUpdate();
        }

        if (job["Multiregion"] is JsonObject multiregion)
        {
            Multiregion(multiregion);
        }

        foreach (var group in Each(job, "TaskGroups"))
        {
            TaskGroup(group, job, type);
        }

        foreach (var spread in Each(job, "Spreads"))
        {
            Default(spread, "Weight", 50);
        }

        foreach (var affinity in Each(job, "Affinities"))
        {
            Default(affinity, "Weight", 50);
        }

        if (job["UI"] is JsonObject ui && ui["Links"] is JsonArray { Count: 0 })
        {
            ui["Links"] = null;
        }
    }

    private static void TaskGroup(JsonObject group, JsonObject job, string type)
    {
        Default(group, "Name", "");
        if (group["Count"] is null)
        {
            group["Count"] = (group["Scaling"] as JsonObject)?["Min"]?.DeepClone() ?? 1;
        }

        if (group["Scaling"] is JsonObject scaling)
        {
            Default(scaling, "Enabled", true);
            Default(scaling, "Min", group["Count"]!.DeepClone());
            if (Text(scaling, "Type").Length == 0)
            {
                scaling["Type"] = "horizontal";
            }
        }

        if (group["EphemeralDisk"] is JsonObject disk)
        {
            Defaults(disk, new JsonObject { ["Sticky"] = false, ["Migrate"] = false, ["SizeMB"] = 300 });
        }
        else
        {
            group["EphemeralDisk"] = new JsonObject { ["Sticky"] = false, ["Migrate"] = false, ["SizeMB"] = 300 };
        }

        var jobUpdate = job["Update"] as JsonObject;
        if (jobUpdate is not null && group["Update"] is JsonObject groupUpdate)
        {
            group["Update"] = Merge((JsonObject)jobUpdate.DeepClone(), groupUpdate);
        }
        else if (jobUpdate is not null && !UpdateIsEmpty(jobUpdate))
        {
            group["Update"] = jobUpdate.DeepClone();
        }

        if (group["Update"] is JsonObject update)
        {
            Defaults(update, DefaultUpdate());
        }

        var jobReschedule = job["Reschedule"] as JsonObject;
        if (jobReschedule is not null)
        {
            group["ReschedulePolicy"] = group["ReschedulePolicy"] is JsonObject own ? Merge((JsonObject)jobReschedule.DeepClone(), own) : jobReschedule.DeepClone();
        }

        if (group["ReschedulePolicy"] is null && type is not ("sysbatch" or "system"))
        {
            group["ReschedulePolicy"] = DefaultReschedule(type);
        }

        if (group["ReschedulePolicy"] is JsonObject reschedule)
        {
            Defaults(reschedule, DefaultReschedule(type));
        }

        if (job["Migrate"] is JsonObject jobMigrate)
        {
            group["Migrate"] = group["Migrate"] is JsonObject own ? Merge((JsonObject)jobMigrate.DeepClone(), own) : jobMigrate.DeepClone();
        }

        if (group["Migrate"] is null && type == "service")
        {
            group["Migrate"] = StructDecoder.Zero("MigrateStrategy");
        }

        if (group["Migrate"] is JsonObject migrate)
        {
            Defaults(migrate, new JsonObject { ["MaxParallel"] = 1, ["HealthCheck"] = "checks", ["MinHealthyTime"] = 10 * Second, ["HealthyDeadline"] = 5 * Minute });
        }

        var restart = DefaultRestart(type);
        if (group["RestartPolicy"] is JsonObject ownRestart)
        {
            Merge(restart, ownRestart);
        }

        group["RestartPolicy"] = restart;
        foreach (var task in Each(group, "Tasks"))
        {
            Task(task, group, job);
        }

        foreach (var spread in Each(group, "Spreads"))
        {
            Default(spread, "Weight", 50);
        }

        foreach (var affinity in Each(group, "Affinities"))
        {
            Default(affinity, "Weight", 50);
        }

        foreach (var service in Each(group, "Services"))
        {
            Service(service, null, group, job);
        }

        if (group["Consul"] is JsonObject consul)
        {
            // Consul.MergeNamespace(job.ConsulNamespace), then Consul.Canonicalize.
            if (Text(consul, "Namespace").Length == 0 && job["ConsulNamespace"] is JsonValue jobNamespace)
            {
                consul["Namespace"] = jobNamespace.DeepClone();
            }

            Consul(consul);
        }

        if (group["Disconnect"] is JsonObject disconnect)
        {
            Defaults(disconnect, new JsonObject { ["Replace"] = true, ["Reconcile"] = "best_score" });
        }
    }

    private static void Task(JsonObject task, JsonObject group, JsonObject job)
    {
        if (task["Resources"] is not JsonObject resources)
        {
            task["Resources"] = resources = StructDecoder.Zero("Resources");
        }

        Resources(resources);
        Default(task, "KillTimeout", 5 * Second);
        if (task["LogConfig"] is JsonObject logs)
        {
            Defaults(logs, new JsonObject { ["MaxFiles"] = 10, ["MaxFileSizeMB"] = 10, ["Disabled"] = false });
        }
        else
        {
            task["LogConfig"] = new JsonObject { ["MaxFiles"] = 10, ["MaxFileSizeMB"] = 10, ["Enabled"] = null, ["Disabled"] = false };
        }

        foreach (var artifact in Each(task, "Artifacts"))
        {
            Default(artifact, "GetterMode", "any");
            Default(artifact, "GetterInsecure", false);
            Default(artifact, "GetterSource", "");
            if (artifact["GetterOptions"] is JsonObject { Count: 0 })
            {
                artifact["GetterOptions"] = null;
            }

            if (artifact["GetterHeaders"] is JsonObject { Count: 0 })
            {
                artifact["GetterHeaders"] = null;
            }

            if (artifact["RelativeDest"] is null)
            {
                var source = Text(artifact, "GetterSource");
                artifact["RelativeDest"] = Text(artifact, "GetterMode") == "file" ? "local/" + GoPathBase(source) : "local/";
            }
        }

        if (task["Vault"] is JsonObject vault)
        {
            Defaults(vault, new JsonObject
            {
                ["Env"] = true,
                ["DisableFile"] = false,
                ["Namespace"] = "",
                ["ChangeMode"] = "restart",
                ["ChangeSignal"] = "SIGHUP",
                ["AllowTokenExpiration"] = false,
            });
            if (Text(vault, "Cluster").Length == 0)
            {
                vault["Cluster"] = "default";
            }
        }

        if (task["Consul"] is JsonObject taskConsul)
        {
            Consul(taskConsul);
        }

        foreach (var template in Each(task, "Templates"))
        {
            Default(template, "SourcePath", "");
            Default(template, "DestPath", "");
            Default(template, "EmbeddedTmpl", "");
            Default(template, "ChangeMode", "restart");
            template["ChangeSignal"] = template["ChangeSignal"] is null
                ? (Text(template, "ChangeMode") == "signal" ? "SIGHUP" : "")
                : Text(template, "ChangeSignal").ToUpperInvariant();
            if (template["ChangeScript"] is JsonObject script)
            {
                Defaults(script, new JsonObject { ["Command"] = "", ["Args"] = new JsonArray(), ["Timeout"] = 5 * Second, ["FailOnError"] = false, ["RunOnFirstRender"] = false });
            }

            Defaults(template, new JsonObject
            {
                ["Once"] = false,
                ["Splay"] = 5 * Second,
                ["Perms"] = "0644",
                ["LeftDelim"] = "{{",
                ["RightDelim"] = "}}",
                ["Envvars"] = false,
                ["ErrMissingKey"] = false,
                ["VaultGrace"] = 0,
            });
        }

        foreach (var service in Each(task, "Services"))
        {
            Service(service, task, group, job);
        }

        foreach (var affinity in Each(task, "Affinities"))
        {
            Default(affinity, "Weight", 50);
        }

        VolumeMounts(task);

        foreach (var secret in Each(task, "Secrets"))
        {
            // Secret.Canonicalize (api/tasks.go): an empty config or env map becomes nil.
            NullIfEmpty(secret, "Config", "Env");
        }

        // TaskLifecycle.Empty() is `l == nil` at the recorded commit (it tested for no hook and no sidecar before): a
        // block with `hook = ""` stays, and the server's Task.Validate refuses it ("no lifecycle hook provided").

        if (task["CSIPluginConfig"] is JsonObject plugin)
        {
            // TaskCSIPluginConfig.Canonicalize: zero values replaced.
            if (Text(plugin, "MountDir").Length == 0)
            {
                plugin["MountDir"] = "/csi";
            }

            if (Text(plugin, "StagePublishBaseDir").Length == 0)
            {
                plugin["StagePublishBaseDir"] = "/local/csi";
            }

            if (plugin["HealthTimeout"] is null || Number(plugin["HealthTimeout"]) == 0)
            {
                plugin["HealthTimeout"] = 30 * Second;
            }
        }

        var groupRestart = (JsonObject)group["RestartPolicy"]!.DeepClone();
        task["RestartPolicy"] = task["RestartPolicy"] is JsonObject own ? Merge(groupRestart, own) : groupRestart;
    }

    private static void Service(JsonObject service, JsonObject? task, JsonObject group, JsonObject job)
    {
        if (Text(service, "Name").Length == 0)
        {
            service["Name"] = task is null
                ? $"{Text(job, "Name")}-{Text(group, "Name")}"
                : $"{Text(job, "Name")}-{Text(group, "Name")}-{Text(task, "Name")}";
        }

        foreach (var (field, value) in new[] { ("AddressMode", "auto"), ("OnUpdate", "require_healthy"), ("Provider", "consul"), ("Cluster", "default") })
        {
            if (Text(service, field).Length == 0)
            {
                service[field] = value;
            }
        }

        foreach (var field in new[] { "Meta", "CanaryMeta", "TaggedAddresses" })
        {
            if (service[field] is JsonObject { Count: 0 })
            {
                service[field] = null;
            }
        }

        if (service["Connect"] is JsonObject connect)
        {
            Connect(connect);
        }

        if (service["Weights"] is JsonObject weights)
        {
            // ServiceWeights.Canonicalize: a weight of zero or less becomes 1.
            foreach (var field in new[] { "Passing", "Warning" })
            {
                if (weights[field] is null || Number(weights[field]) <= 0)
                {
                    weights[field] = 1;
                }
            }
        }

        foreach (var check in Each(service, "Checks"))
        {
            var merged = service["CheckRestart"] is JsonObject serviceRestart ? (JsonObject)serviceRestart.DeepClone() : null;
            if (check["CheckRestart"] is JsonObject own)
            {
                merged = merged is null ? own : Merge(merged, own);
            }

            if (merged is not null)
            {
                Default(merged, "Grace", Second);
            }

            check["CheckRestart"] = merged;
            foreach (var field in new[] { "SuccessBeforePassing", "FailuresBeforeCritical", "FailuresBeforeWarning" })
            {
                if (check[field] is not null && Number(check[field]) < 0)
                {
                    check[field] = 0;
                }
            }

            if (Text(check, "OnUpdate").Length == 0)
            {
                check["OnUpdate"] = service["OnUpdate"]!.DeepClone();
            }
        }
    }

    private static void NullIfEmpty(JsonObject obj, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (obj[field] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
            {
                obj[field] = null;
            }
        }
    }

    /// <summary>ConsulConnect.Canonicalize and its parts (api/consul.go).</summary>
    private static void Connect(JsonObject connect)
    {
        if (connect["SidecarService"] is JsonObject sidecar)
        {
            NullIfEmpty(sidecar, "Tags", "Meta");
            if (sidecar["Proxy"] is JsonObject proxy)
            {
                Proxy(proxy);
            }
        }

        if (connect["SidecarTask"] is JsonObject task)
        {
            NullIfEmpty(task, "Config", "Env");
            if (task["Resources"] is JsonObject resources)
            {
                Resources(resources);
            }
            else
            {
                var defaults = StructDecoder.Zero("Resources");
                defaults["CPU"] = 100;
                defaults["Cores"] = 0;
                defaults["MemoryMB"] = 300;
                task["Resources"] = defaults;
            }

            if (task["LogConfig"] is JsonObject logs)
            {
                Defaults(logs, new JsonObject { ["MaxFiles"] = 10, ["MaxFileSizeMB"] = 10, ["Disabled"] = false });
            }
            else
            {
                task["LogConfig"] = new JsonObject { ["MaxFiles"] = 10, ["MaxFileSizeMB"] = 10, ["Enabled"] = null, ["Disabled"] = false };
            }

            NullIfEmpty(task, "Meta");
            Default(task, "KillTimeout", 5 * Second);
            Default(task, "ShutdownDelay", 0);
            VolumeMounts(task);
        }

        if (connect["Gateway"] is JsonObject gateway)
        {
            if (gateway["Proxy"] is JsonObject gatewayProxy)
            {
                // ConsulGatewayProxy.Canonicalize: Consul's default connect timeout.
                Default(gatewayProxy, "ConnectTimeout", 5 * Second);
                NullIfEmpty(gatewayProxy, "EnvoyGatewayBindAddresses", "Config");
            }

            if (gateway["Ingress"] is JsonObject ingress)
            {
                // ConsulIngressConfigEntry.Canonicalize; the TLS block's is empty, and a listener's does not reach
                // its services (ConsulIngressService.Canonicalize is never called), so their empty lists stay.
                NullIfEmpty(ingress, "Listeners");
                foreach (var listener in Each(ingress, "Listeners"))
                {
                    if (Text(listener, "Protocol").Length == 0)
                    {
                        listener["Protocol"] = "tcp";
                    }

                    NullIfEmpty(listener, "Services");
                }
            }

            if (gateway["Terminating"] is JsonObject terminating)
            {
                NullIfEmpty(terminating, "Services");
            }
        }
    }

    private static void Proxy(JsonObject proxy)
    {
        if (proxy["Expose"] is JsonObject expose)
        {
            NullIfEmpty(expose, "Paths", "Path");
        }

        NullIfEmpty(proxy, "Upstreams");
        if (proxy["TransparentProxy"] is JsonObject transparent)
        {
            NullIfEmpty(transparent, "ExcludeInboundPorts", "ExcludeOutboundCIDRs", "ExcludeOutboundPorts", "ExcludeUIDs");
        }

        foreach (var upstream in Each(proxy, "Upstreams"))
        {
            NullIfEmpty(upstream, "Config");
        }

        NullIfEmpty(proxy, "Config");
    }

    /// <summary>Resources.Canonicalize (api/resources.go) with its devices and NUMA block.</summary>
    private static void Resources(JsonObject resources)
    {
        if (resources["Cores"] is null)
        {
            resources["Cores"] = 0;
            Default(resources, "CPU", 100);
        }

        Default(resources, "CPU", 0);
        Default(resources, "MemoryMB", 300);
        foreach (var device in Each(resources, "Devices"))
        {
            // RequestedDevice.Canonicalize: one device unless counted; its affinities weigh 50 by default.
            Default(device, "Count", 1);
            foreach (var affinity in Each(device, "Affinities"))
            {
                Default(affinity, "Weight", 50);
            }
        }

        if (resources["NUMA"] is JsonObject numa)
        {
            if (Text(numa, "Affinity").Length == 0)
            {
                numa["Affinity"] = "none";
            }

            NullIfEmpty(numa, "Devices");
        }
    }

    /// <summary>Consul.Canonicalize (api/consul.go): the cluster is "default" unless named.</summary>
    private static void Consul(JsonObject consul)
    {
        if (Text(consul, "Cluster").Length == 0)
        {
            consul["Cluster"] = "default";
        }
    }

    /// <summary>VolumeMount.Canonicalize of each of an owner's mounts.</summary>
    private static void VolumeMounts(JsonObject owner)
    {
        foreach (var mount in Each(owner, "VolumeMounts"))
        {
            Defaults(mount, new JsonObject { ["PropagationMode"] = "private", ["ReadOnly"] = false, ["SELinuxLabel"] = "" });
        }
    }

    /// <summary>Multiregion.Canonicalize (api/jobs.go).</summary>
    private static void Multiregion(JsonObject multiregion)
    {
        if (multiregion["Strategy"] is JsonObject strategy)
        {
            Default(strategy, "MaxParallel", 0);
            Default(strategy, "OnFailure", "");
        }
        else
        {
            multiregion["Strategy"] = new JsonObject { ["MaxParallel"] = 0, ["OnFailure"] = "" };
        }

        Default(multiregion, "Regions", new JsonArray());
        foreach (var region in Each(multiregion, "Regions"))
        {
            Default(region, "Count", 1);
            Default(region, "Datacenters", new JsonArray());
            Default(region, "Meta", new JsonObject());
        }
    }

    private static double Number(JsonNode? node) =>
        node is JsonValue v && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0;

    private static string GoPathBase(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}

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

        if (group["Consul"] is JsonObject consul && Text(consul, "Cluster").Length == 0)
        {
            consul["Cluster"] = "default";
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

        if (resources["Cores"] is null)
        {
            resources["Cores"] = 0;
            Default(resources, "CPU", 100);
        }

        Default(resources, "CPU", 0);
        Default(resources, "MemoryMB", 300);
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

        foreach (var mount in Each(task, "VolumeMounts"))
        {
            Defaults(mount, new JsonObject { ["PropagationMode"] = "private", ["ReadOnly"] = false, ["SELinuxLabel"] = "" });
        }

        foreach (var secret in Each(task, "Secrets"))
        {
            // Secret.Canonicalize (api/tasks.go): an empty config or env map becomes nil.
            NullIfEmpty(secret, "Config", "Env");
        }

        if (task["Lifecycle"] is JsonObject lifecycle && Text(lifecycle, "Hook").Length == 0 && lifecycle["Sidecar"]?.GetValue<bool>() != true)
        {
            task["Lifecycle"] = null;
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
            NullIfEmpty(task, "Config", "Env", "Meta");
            if (task["Resources"] is JsonObject resources)
            {
                if (resources["Cores"] is null)
                {
                    resources["Cores"] = 0;
                    Default(resources, "CPU", 100);
                }

                Default(resources, "CPU", 0);
                Default(resources, "MemoryMB", 300);
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

            Default(task, "KillTimeout", 5 * Second);
            Default(task, "ShutdownDelay", 0);
        }

        if (connect["Gateway"] is JsonObject gateway && gateway["Proxy"] is JsonObject gatewayProxy)
        {
            NullIfEmpty(gatewayProxy, "Config");
        }
    }

    private static void Proxy(JsonObject proxy)
    {
        NullIfEmpty(proxy, "Upstreams", "Config");
        foreach (var upstream in Each(proxy, "Upstreams"))
        {
            NullIfEmpty(upstream, "Config");
        }
    }

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

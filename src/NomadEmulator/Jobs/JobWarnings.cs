using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The admission warnings of a stored-shape job: <c>Job.Warnings</c> (nomad/structs/structs.go: group
/// warnings, service shutdown_delay, auto_promote, cron) then the memory-oversubscription validator's
/// (nomad/job_endpoint_hooks.go; oversubscription is off on a default server).
/// </summary>
internal static class JobWarnings
{
    /// <summary>The warnings in Nomad's order, each trimmed.</summary>
    public static List<string> For(JsonObject job)
    {
        var warnings = new List<string>();
        var groups = Objs(job, "TaskGroups");
        bool hasAutoPromote = false, allAutoPromote = true;
        foreach (var group in groups)
        {
            if (MultiError.Format(Group(group)) is { } groupWarnings)
            {
                warnings.Add($"Group \"{Str(group, "Name")}\" has warnings: {groupWarnings}".Trim());
            }
            if (Obj(group, "Update") is { } update)
            {
                hasAutoPromote |= Bool(update["AutoPromote"]);
                allAutoPromote &= Long(update["Canary"]) == 0 || Bool(update["AutoPromote"]);
            }
        }
        foreach (var group in groups)
        {
            warnings.AddRange(ShutdownDelay(group));
        }
        if (hasAutoPromote && !allAutoPromote)
        {
            warnings.Add("auto_promote must be true for all groups to enable automatic promotion");
        }
        if (Str(Obj(job, "Periodic"), "Spec").Length > 0)
        {
            warnings.Add("cron is deprecated and may be removed in a future release. Use crons instead");
        }
        // jobValidate's warnings for vault_* identities of tasks without a vault block.
        warnings.AddRange(groups.SelectMany(g => Objs(g, "Tasks")).SelectMany(TaskBlockValidator.VaultIdentityWarnings));
        foreach (var group in groups)
        {
            foreach (var task in Objs(group, "Tasks").Where(t => Long(Obj(t, "Resources")?["MemoryMaxMB"]) != 0))
            {
                warnings.Add($"Memory oversubscription is not enabled; Task \"{Str(group, "Name")}.{Str(task, "Name")}\" memory_max value will be ignored. Update the Scheduler Configuration to allow oversubscription.");
            }
        }
        return warnings;
    }

    // Task.Warnings: resources, Template.Warnings (prefixed by multierror.Prefix and flattened), services, identities.
    private static List<string> Task(JsonObject task)
    {
        var warnings = new List<string>();
        if (Obj(task, "Resources") is { } resources)
        {
            if (Long(resources["IOPS"]) != 0)
            {
                warnings.Add("IOPS has been deprecated as of Nomad 0.9.0. Please remove IOPS from resource block.");
            }
            if (Objs(resources, "Networks").Count != 0)
            {
                warnings.Add("task network resources have been deprecated as of Nomad 0.12.0. Please configure networking via group network block.");
            }
        }
        var templates = Objs(task, "Templates");
        for (var i = 0; i < templates.Count; i++)
        {
            if (Long(templates[i]["VaultGrace"]) != 0)
            {
                warnings.Add($"Template[{i}] VaultGrace has been deprecated as of Nomad 0.11 and ignored since Vault 0.5. Please remove VaultGrace / vault_grace from template block.");
            }
        }
        warnings.AddRange(Objs(task, "Services").SelectMany(ServiceWarnings));
        foreach (var wid in Objs(task, "Identities"))
        {
            // multierror.Prefix then a plain append: the identity's list stays one nested multi-error.
            var prefixed = IdentityWarnings(wid).Select(w => $"Identity[{Str(wid, "Name")}] {w}").ToList();
            if (MultiError.Format(prefixed) is { } text)
            {
                warnings.Add(text);
            }
        }
        return warnings;
    }

    private static IEnumerable<string> ServiceWarnings(JsonObject service) =>
        Obj(service, "Identity") is { } wid
            ? IdentityWarnings(wid).Select(w => $"Service \"{Str(service, "Name")}\": {w}")
            : [];

    // WorkloadIdentity.Warnings (nomad/structs/workload_id.go).
    private static List<string> IdentityWarnings(JsonObject wid)
    {
        var warnings = new List<string>();
        var audiences = Strings(wid, "Audience").Count;
        if (audiences == 0)
        {
            warnings.Add("identities without an audience are insecure");
        }
        else if (audiences > 1)
        {
            warnings.Add("while multiple audiences is allowed, it is more secure to use 1 audience per identity");
        }
        var name = Str(wid, "Name");
        if (name is not ("" or "default") && Long(wid["TTL"], 0) == 0)
        {
            warnings.Add("identities without an expiration are insecure");
        }
        if (Bool(wid["Env"]) && Str(wid, "ChangeMode") != "restart")
        {
            warnings.Add($"using env=true without change_mode=\"restart\" may result in task not getting updated identity");
        }
        return warnings;
    }

    private static List<string> Group(JsonObject group)
    {
        var warnings = new List<string>();
        var count = Long(group["Count"]);
        var maxParallel = Long(Obj(group, "Update")?["MaxParallel"]);
        if (Obj(group, "Update") is not null && count > 1 && maxParallel > count)
        {
            warnings.Add($"Update max parallel count is greater than task group count ({maxParallel} > {count}). A destructive change would result in the simultaneous replacement of all allocations.");
        }
        // The MaxClientDisconnect/StopAfterClientDisconnect/PreventRescheduleOnLost warnings cannot fire: the agent's
        // conversion drops those fields (JobConversion).
        if (Objs(group, "Networks") is { Count: > 0 } networks && Long(networks[0]["MBits"]) > 0)
        {
            warnings.Add("mbits has been deprecated as of Nomad 0.12.0. Please remove mbits from the network block");
        }
        // Service.Warnings, prefixed by multierror.Prefix and flattened into the group's list.
        warnings.AddRange(Objs(group, "Services").SelectMany(ServiceWarnings));
        foreach (var task in Objs(group, "Tasks"))
        {
            if (MultiError.Format(Task(task)) is { } taskWarnings)
            {
                warnings.Add($"Task \"{Str(task, "Name")}\" has warnings: {taskWarnings}");
            }
        }
        return warnings;
    }

    // generateTaskGroupServiceShutdownDelayWarnings
    private static List<string> ShutdownDelay(JsonObject group)
    {
        var warnings = new List<string>();
        var name = Str(group, "Name");
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var hasUnscopedGroupService = false;
        var anyTaskHasShutdownDelay = false;
        var hasGroupShutdownDelay = Long(group["ShutdownDelay"]) > 0;
        foreach (var service in Objs(group, "Services"))
        {
            if (Str(service, "TaskName") is { Length: > 0 } taskName)
            {
                referenced.Add(taskName);
                continue;
            }
            if (Obj(Obj(service, "Connect"), "SidecarTask") is { } sidecar)
            {
                if (sidecar["ShutdownDelay"] is null)
                {
                    warnings.Add($"service \"{Str(service, "Name")}\" defines a sidecar task in Consul Connect definition, but the task has no shutdown_delay set");
                }
                continue;
            }
            hasUnscopedGroupService = true;
        }
        foreach (var task in Objs(group, "Tasks"))
        {
            var delay = Long(task["ShutdownDelay"]);
            if (referenced.Contains(Str(task, "Name")) && delay == 0)
            {
                warnings.Add($"group \"{name}\" references task \"{Str(task, "Name")}\" in a service definition, but the task has no shutdown_delay set");
            }
            if (delay > 0)
            {
                anyTaskHasShutdownDelay = true;
            }
            else if (Objs(task, "Services").Count > 0)
            {
                warnings.Add($"task \"{Str(task, "Name")}\" in group \"{name}\" defines services, but has no shutdown_delay set");
            }
        }
        if (hasUnscopedGroupService && !hasGroupShutdownDelay && !anyTaskHasShutdownDelay)
        {
            warnings.Add($"group \"{name}\" defines services, but neither the group nor any of its tasks have shutdown_delay set");
        }
        return warnings;
    }
}

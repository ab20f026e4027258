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
        foreach (var group in groups)
        {
            foreach (var task in Objs(group, "Tasks").Where(t => Long(Obj(t, "Resources")?["MemoryMaxMB"]) != 0))
            {
                warnings.Add($"Memory oversubscription is not enabled; Task \"{Str(group, "Name")}.{Str(task, "Name")}\" memory_max value will be ignored. Update the Scheduler Configuration to allow oversubscription.");
            }
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
        if (group["MaxClientDisconnect"] is not null)
        {
            warnings.Add("MaxClientDisconnect is deprecated and ignored in favor of Disconnect.LostAfter");
        }
        if (group["StopAfterClientDisconnect"] is not null)
        {
            warnings.Add("StopAfterClientDisconnect is deprecated and ignored favor of Disconnect.StopOnClientAfter");
        }
        if (Bool(group["PreventRescheduleOnLost"]))
        {
            warnings.Add("PreventRescheduleOnLost is deprecated and ignored in favor of Disconnect.Replace");
        }
        if (Objs(group, "Networks") is { Count: > 0 } networks && Long(networks[0]["MBits"]) > 0)
        {
            warnings.Add("mbits has been deprecated as of Nomad 0.12.0. Please remove mbits from the network block");
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

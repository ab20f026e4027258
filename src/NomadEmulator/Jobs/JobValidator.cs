using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The subset of Nomad's <c>Job.Validate</c>, <c>TaskGroup.Validate</c>, <c>Task.Validate</c> and
/// <c>UpdateStrategy.Validate</c> (nomad/structs/structs.go) the emulator checks, with Nomad's texts and order.
/// </summary>
internal static class JobValidator
{
    private static readonly HashSet<string> JobTypes = ["_core", "service", "batch", "system", "sysbatch"];

    /// <summary>The register error text for a stored-shape job, or null when valid.</summary>
    public static string? Validate(JsonObject job)
    {
        var errors = new List<string>();
        var id = Str(job, "ID");
        var type = Str(job, "Type");
        if (Str(job, "Region").Length == 0 && Obj(job, "Multiregion") is null)
        {
            errors.Add("Missing job region");
        }
        if (id.Length == 0)
        {
            errors.Add("Missing job ID");
        }
        else if (id.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add("Job ID contains a space");
        }
        if (Str(job, "Name").Length == 0)
        {
            errors.Add("Missing job name");
        }
        if (Str(job, "Namespace").Length == 0)
        {
            errors.Add("Job must be in a namespace");
        }
        if (type.Length == 0)
        {
            errors.Add("Missing job type");
        }
        else if (!JobTypes.Contains(type))
        {
            errors.Add($"Invalid job type: \"{type}\"");
        }
        var datacenters = Strings(job, "Datacenters");
        if (datacenters.Count == 0 && Obj(job, "Multiregion") is null)
        {
            errors.Add("Missing job datacenters");
        }
        else if (datacenters.Any(d => d.Length == 0))
        {
            errors.Add("Job datacenter must be non-empty string");
        }
        var groups = Objs(job, "TaskGroups");
        if (groups.Count == 0)
        {
            errors.Add("Missing job task groups");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var name = Str(groups[i], "Name");
            if (name.Length == 0)
            {
                errors.Add($"Job task group {i + 1} missing name");
            }
            else if (seen.TryGetValue(name, out var existing))
            {
                errors.Add($"Job task group {i + 1} redefines '{name}' from group {existing + 1}");
            }
            else
            {
                seen[name] = i;
            }
            var count = Long(groups[i]["Count"], 0);
            if (type == "system" && count > 1)
            {
                errors.Add($"Job task group {name} has count {count}. Count cannot exceed 1 with system scheduler");
            }
        }
        foreach (var group in groups)
        {
            if (MultiError.Format(Group(group, type)) is { } groupError)
            {
                errors.Add($"Task group {Str(group, "Name")} validation failed: {groupError}");
            }
        }
        var priority = Long(job["Priority"], 0);
        if (priority is < 1 or > 100)
        {
            errors.Add("job priority must be between [1, 100]");
        }
        return MultiError.Format(errors)?.TrimEnd('\n');
    }

    private static List<string> Group(JsonObject group, string jobType)
    {
        var errors = new List<string>();
        if (Str(group, "Name").Length == 0)
        {
            errors.Add("Missing task group name");
        }
        if ((Long(group["Count"], 0)) < 0)
        {
            errors.Add("Task group count can't be negative");
        }
        var tasks = Objs(group, "Tasks");
        if (tasks.Count == 0)
        {
            errors.Add("Missing tasks for task group");
        }
        if (Obj(group, "Update") is { } update)
        {
            if (jobType is not ("service" or "system"))
            {
                errors.Add($"Job type \"{jobType}\" does not allow update block");
            }
            errors.AddRange(Update(update));
        }
        if (Obj(group, "Migrate") is not null && jobType != "service")
        {
            errors.Add($"Job type \"{jobType}\" does not allow migrate block");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var name = Str(tasks[i], "Name");
            if (name.Length == 0)
            {
                errors.Add($"Task {i + 1} missing name");
            }
            else if (seen.TryGetValue(name, out var existing))
            {
                errors.Add($"Task {i + 1} redefines '{name}' from task {existing + 1}");
            }
            else
            {
                seen[name] = i;
            }
        }
        foreach (var task in tasks)
        {
            if (MultiError.Format(Task(task)) is { } taskError)
            {
                errors.Add($"Task {Str(task, "Name")} validation failed: {taskError}");
            }
        }
        return errors;
    }

    private static List<string> Update(JsonObject u)
    {
        var errors = new List<string>();
        long L(string f) => Long(u[f], 0);
        if (Str(u, "HealthCheck") is not ("checks" or "task_states" or "manual"))
        {
            errors.Add($"Invalid health check given: \"{Str(u, "HealthCheck")}\"");
        }
        if (L("MaxParallel") < 0)
        {
            errors.Add($"Max parallel can not be less than zero: {L("MaxParallel")} < 0");
        }
        if (L("Canary") < 0)
        {
            errors.Add($"Canary count can not be less than zero: {L("Canary")} < 0");
        }
        if (L("MinHealthyTime") < 0)
        {
            errors.Add($"Minimum healthy time may not be less than zero: {GoDuration.Format(L("MinHealthyTime"))}");
        }
        if (L("HealthyDeadline") <= 0)
        {
            errors.Add($"Healthy deadline must be greater than zero: {GoDuration.Format(L("HealthyDeadline"))}");
        }
        if (L("ProgressDeadline") < 0)
        {
            errors.Add($"Progress deadline must be zero or greater: {GoDuration.Format(L("ProgressDeadline"))}");
        }
        if (L("MinHealthyTime") >= L("HealthyDeadline"))
        {
            errors.Add($"Minimum healthy time must be less than healthy deadline: {GoDuration.Format(L("MinHealthyTime"))} > {GoDuration.Format(L("HealthyDeadline"))}");
        }
        if (L("ProgressDeadline") != 0 && L("HealthyDeadline") >= L("ProgressDeadline"))
        {
            errors.Add($"Healthy deadline must be less than progress deadline: {GoDuration.Format(L("HealthyDeadline"))} > {GoDuration.Format(L("ProgressDeadline"))}");
        }
        return errors;
    }

    private static List<string> Task(JsonObject task)
    {
        var errors = new List<string>();
        if (Str(task, "Name").Length == 0)
        {
            errors.Add("Missing task name");
        }
        if (Str(task, "Driver").Length == 0)
        {
            errors.Add("Missing task driver");
        }
        if (Obj(task, "Resources") is { } resources && (Long(resources["MemoryMB"], 0)) is var memory and < 10)
        {
            var inner = MultiError.Format([$"minimum MemoryMB value is 10; got {memory}"]);
            errors.Add(MultiError.Format([inner!])!);
        }
        return errors;
    }
}

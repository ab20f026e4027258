using System.Text;
using System.Text.Json.Nodes;
using static Nomad.Emulator.Jobs.DiffJson;
using static Nomad.Emulator.State.VariablesErrors;

namespace Nomad.Emulator.Jobs;

/// <summary>
/// The subset of Nomad's <c>Job.Validate</c>, <c>TaskGroup.Validate</c>, <c>Task.Validate</c> and
/// <c>UpdateStrategy.Validate</c> (nomad/structs/structs.go) the emulator checks, with Nomad's texts and order.
/// </summary>
internal static class JobValidator
{
    private const int MaxDescriptionBytes = 1000;
    private const long JobDefaultMaxCount = 50000;
    private static readonly HashSet<string> JobTypes = ["_core", "service", "batch", "system", "sysbatch"];

    // Consul Enterprise is not there: every Consul block and Consul service must use the default cluster (the
    // mutator has set an unset one to it), and a task's partition must match its group's when both are set.
    private static string? ConsulHookError(JsonObject job)
    {
        const string NotDefault = "non-default Consul cluster requires Nomad Enterprise";
        static bool IsDefault(JsonObject? owner) => Str(owner, "Cluster") is "" or "default";
        static bool ConsulService(JsonObject s) => Str(s, "Provider") is "" or "consul";
        foreach (var group in Objs(job, "TaskGroups"))
        {
            var groupConsul = Obj(group, "Consul");
            if (groupConsul is not null && !IsDefault(groupConsul))
            {
                return NotDefault;
            }
            if (Objs(group, "Services").Any(s => ConsulService(s) && !IsDefault(s)))
            {
                return NotDefault;
            }
            foreach (var task in Objs(group, "Tasks"))
            {
                if (Objs(task, "Services").Any(s => ConsulService(s) && !IsDefault(s)))
                {
                    return NotDefault;
                }
                if (Obj(task, "Consul") is { } taskConsul)
                {
                    var (taskPartition, groupPartition) = (Str(taskConsul, "Partition"), Str(groupConsul, "Partition"));
                    if (taskPartition.Length > 0 && groupPartition.Length > 0 && taskPartition != groupPartition)
                    {
                        return $"task.consul.partition {GoQuote(taskPartition)} must match group.consul.partition {GoQuote(groupPartition)} if both are set";
                    }
                    if (!IsDefault(taskConsul))
                    {
                        return NotDefault;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>The top-level validation errors of a stored-shape job (Nomad's multi-error items, in order); empty when valid.</summary>
    public static List<string> Validate(JsonObject job, AdmissionCluster? cluster = null)
    {
        var errors = new List<string>();
        // jobConnectHook.Validate is the first validator (its first error only).
        if (ConnectAdmission.Validate(job) is { } connectError)
        {
            errors.Add(connectError);
        }
        // jobExposeCheckHook.Validate follows it (its first error only).
        if (ExposeCheckAdmission.Validate(job) is { } exposeError)
        {
            errors.Add(exposeError);
        }
        // jobVaultHook.Validate runs before jobValidate: a default server has no Vault cluster enabled.
        if (Objs(job, "TaskGroups").SelectMany(g => Objs(g, "Tasks")).Select(t => Obj(t, "Vault")).FirstOrDefault(v => v is not null) is { } vault)
        {
            errors.Add($"Vault \"{Str(vault, "Cluster")}\" not enabled but used in the job");
        }
        // jobConsulHook.Validate (job_endpoint_hook_consul_ce.go): its first error only.
        if (ConsulHookError(job) is { } consulError)
        {
            errors.Add(consulError);
        }
        if (cluster is not null)
        {
            if (!cluster.NamespaceExists(Str(job, "Namespace")))
            {
                errors.Add($"job {GoQuote(Str(job, "ID"))} is in nonexistent namespace {GoQuote(Str(job, "Namespace"))}");
            }
            if (!cluster.NodePoolExists(Str(job, "NodePool")))
            {
                errors.Add($"job {GoQuote(Str(job, "ID"))} is in nonexistent node pool {GoQuote(Str(job, "NodePool"))}");
            }
        }
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
        else if (id.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("Job ID contains a null character");
        }
        if (Str(job, "Name").Length == 0)
        {
            errors.Add("Missing job name");
        }
        else if (Str(job, "Name").Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("Job Name contains a null character");
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
        errors.AddRange(PlacementValidator.Constraints(job, taskLevel: false));
        errors.AddRange(PlacementValidator.Affinities(job, type));
        errors.AddRange(PlacementValidator.Spreads(job, type));
        // Go's len counts the descriptions' UTF-8 bytes.
        if (Obj(job, "UI") is { } ui && Encoding.UTF8.GetByteCount(Str(ui, "Description")) is > MaxDescriptionBytes and var uiLength)
        {
            errors.Add($"UI description must be under 1000 characters, currently {uiLength}");
        }
        if (Obj(job, "VersionTag") is { } tag && Encoding.UTF8.GetByteCount(Str(tag, "Description")) is > MaxDescriptionBytes and var tagLength)
        {
            errors.Add($"Tagged version description must be under 1000 characters, currently {tagLength}");
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
            if (groups[i]["ShutdownDelay"] is JsonValue && Long(groups[i]["ShutdownDelay"]) < 0)
            {
                errors.Add("ShutdownDelay must be a positive value");
            }
            var count = Long(groups[i]["Count"], 0);
            if (type == "system" && count > 1)
            {
                errors.Add($"Job task group {name} has count {count}. Count cannot exceed 1 with system scheduler");
            }
        }
        var multiregionInGlobal = Objs(Obj(job, "Multiregion"), "Regions").Count > 0 && Str(job, "Region") == "global";
        foreach (var group in groups)
        {
            if (MultiError.Format(Group(group, type, multiregionInGlobal)) is { } groupError)
            {
                errors.Add($"Task group {Str(group, "Name")} validation failed: {groupError}");
            }
        }
        if (Obj(job, "Periodic") is { } periodic && Bool(periodic["Enabled"]))
        {
            if (type is not ("batch" or "sysbatch"))
            {
                errors.Add("Periodic can only be used with \"batch\" or \"sysbatch\" scheduler");
            }
            if (MultiError.Format(ScheduleValidator.Periodic(periodic)) is { } periodicError)
            {
                errors.Add(periodicError);
            }
        }
        if (Obj(job, "ParameterizedJob") is { } parameterized && !Bool(job["Dispatched"]))
        {
            if (type is not ("batch" or "sysbatch"))
            {
                errors.Add("Parameterized job can only be used with \"batch\" or \"sysbatch\" scheduler");
            }
            if (MultiError.Format(ScheduleValidator.Parameterized(parameterized)) is { } parameterizedError)
            {
                errors.Add(parameterizedError);
            }
        }

        // Multiregion.Validate (structs_ce.go): the open-source server refuses any multiregion block.
        if (Obj(job, "Multiregion") is { } multiregion && Objs(multiregion, "Regions").Count > 0)
        {
            errors.Add("Multiregion jobs are unlicensed.");
        }

        // jobValidate (nomad/job_endpoint_hooks.go) adds its own checks after Job.Validate's.
        if (type == "_core")
        {
            errors.Add("job type cannot be core");
        }
        if (Str(job, "Payload").Length > 0)
        {
            errors.Add("job can't be submitted with a payload, only dispatched");
        }
        var priority = Long(job["Priority"], 0);
        if (priority is < 1 or > 100)
        {
            errors.Add("job priority must be between [1, 100]");
        }
        // jobValidate's identity checks: a service identity needs a name; a task on a non-default Vault cluster
        // needs its vault_<cluster> identity (a default server provides no default one).
        foreach (var group in Objs(job, "TaskGroups"))
        {
            foreach (var service in Objs(group, "Services").Where(s => Obj(s, "Identity") is { } wid && Str(wid, "Name").Length == 0))
            {
                errors.Add($"Service {Str(service, "Name")} in task group {Str(group, "Name")} has an identity with an empty name");
            }
            foreach (var task in Objs(group, "Tasks"))
            {
                foreach (var service in Objs(task, "Services").Where(s => Obj(s, "Identity") is { } wid && Str(wid, "Name").Length == 0))
                {
                    errors.Add($"Service {Str(service, "Name")} in task {Str(task, "Name")} has an identity with an empty name");
                }
                if (TaskBlockValidator.VaultIdentity(task) is { } vaultError)
                {
                    errors.Add(vaultError);
                }
            }
        }

        // jobValidate's last check: the groups' counts against the server's job_max_count (structs.JobDefaultMaxCount,
        // 50000, on a default server).
        var totalCount = Objs(job, "TaskGroups").Sum(g => Long(g["Count"]));
        if (totalCount > JobDefaultMaxCount)
        {
            errors.Add($"total count was greater than configured job_max_count: {totalCount} > {JobDefaultMaxCount}");
        }

        // jobNumaHook.Validate (job_endpoint_hook_numa_ce.go), after jobValidate and the (quiet) memory check.
        if (Objs(job, "TaskGroups").SelectMany(g => Objs(g, "Tasks"))
            .Any(t => Obj(Obj(t, "Resources"), "NUMA") is { } numa && Str(numa, "Affinity") != "none"))
        {
            errors.Add("numa scheduling requires Nomad Enterprise");
        }

        // jobSchedHook.Validate (job_endpoint_hook_sched_ce.go), the last validator.
        if (Objs(job, "TaskGroups").SelectMany(g => Objs(g, "Tasks")).Any(t => Obj(t, "Schedule") is not null))
        {
            errors.Add("task schedules requires Nomad Enterprise");
        }
        return errors;
    }

    private static List<string> Group(JsonObject group, string jobType, bool multiregionInGlobal)
    {
        var errors = new List<string>();
        if (Str(group, "Name").Length == 0)
        {
            errors.Add("Missing task group name");
        }
        else if (Str(group, "Name").Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("Task group name contains null character");
        }
        if (Long(group["Count"]) < 0)
        {
            errors.Add("Task group count can't be negative");
        }
        var tasks = Objs(group, "Tasks");
        if (tasks.Count == 0)
        {
            errors.Add("Missing tasks for task group");
        }
        if (Obj(group, "Disconnect") is { } disconnect)
        {
            errors.AddRange(GroupPolicyValidator.Disconnect(disconnect, jobType));
        }
        if (group["MaxRunDuration"] is JsonValue maxRun)
        {
            if (Long(maxRun) <= 0)
            {
                errors.Add("MaxRunDuration must be greater than zero");
            }
            if (jobType is not ("batch" or "sysbatch"))
            {
                errors.Add($"Job type \"{jobType}\" does not allow max_run_duration");
            }
        }
        errors.AddRange(PlacementValidator.Constraints(group, taskLevel: false));
        errors.AddRange(PlacementValidator.Affinities(group, jobType));
        // A missing restart or reschedule policy or ephemeral disk ("Task Group %v should have ...") cannot reach the
        // server: the agent's ApiJobToStructJob canonicalizes every job first (api TaskGroup.Canonicalize fills all
        // three; system and sysbatch groups keep no reschedule policy and Nomad wants none there).
        if (Obj(group, "RestartPolicy") is { } restart)
        {
            errors.AddRange(Restart(restart));
        }
        errors.AddRange(PlacementValidator.Spreads(group, jobType));
        if (jobType is "system" or "sysbatch")
        {
            if (Obj(group, "ReschedulePolicy") is not null)
            {
                errors.Add("System or sysbatch jobs should not have a reschedule policy");
            }
        }
        else if (Obj(group, "ReschedulePolicy") is { } reschedule)
        {
            // TaskGroup.Validate's multierror.Append flattens a nested multi-error into its own list.
            errors.AddRange(GroupPolicyValidator.Reschedule(reschedule));
        }
        if (Obj(group, "EphemeralDisk") is { } disk && Long(disk["SizeMB"]) < 10)
        {
            errors.Add($"minimum DiskMB value is 10; got {Long(disk["SizeMB"])}");
        }
        if (Obj(group, "Update") is { } update)
        {
            if (jobType is not ("service" or "system"))
            {
                errors.Add($"Job type \"{jobType}\" does not allow update block");
            }
            errors.AddRange(Update(update));
        }
        if (Obj(group, "Migrate") is { } migrate)
        {
            if (jobType != "service")
            {
                errors.Add($"Job type \"{jobType}\" does not allow migrate block");
            }
            else
            {
                errors.AddRange(GroupPolicyValidator.Migrate(migrate));
            }
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
        if (tasks.Count(t => Bool(t["Leader"])) > 1)
        {
            errors.Add("Only one task may be marked as leader");
        }
        if (tasks.Count > 0 && tasks.All(t => Str(Obj(t, "Lifecycle"), "Hook").Length > 0))
        {
            errors.Add($"Task group {Str(group, "Name")} must have at least one main task");
        }
        errors.AddRange(TaskPartsValidator.Volumes(group, jobType));
        if (MultiError.Format(GroupNetworkValidator.Networks(group)) is { } networkError)
        {
            errors.Add($"Task group network validation failed: {networkError}");
        }
        if (MultiError.Format(ServiceValidator.Group(group)) is { } serviceError)
        {
            errors.Add($"Task group service validation failed: {serviceError}");
        }
        if (MultiError.Format(GroupNetworkValidator.ScriptChecks(group)) is { } scriptError)
        {
            errors.Add($"Task group service check validation failed: {scriptError}");
        }
        if (Obj(group, "Scaling") is { } scaling
            && MultiError.Format(GroupPolicyValidator.Scaling(scaling, Long(group["Count"]), multiregionInGlobal)) is { } scalingError)
        {
            errors.Add($"Task group scaling policy validation failed: {scalingError}");
        }
        foreach (var task in tasks)
        {
            if (MultiError.Format(Task(task, group, jobType)) is { } taskError)
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
        if (L("Canary") == 0 && Bool(u["AutoPromote"]))
        {
            errors.Add("Auto Promote requires a Canary count greater than zero");
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

    private static List<string> Restart(JsonObject r)
    {
        var errors = new List<string>();
        var mode = Str(r, "Mode");
        var attempts = Long(r["Attempts"]);
        var interval = Long(r["Interval"]);
        var delay = Long(r["Delay"]);
        if (mode is not ("delay" or "fail"))
        {
            errors.Add($"Unsupported restart mode: \"{mode}\"");
        }
        if (attempts == 0 && mode != "fail")
        {
            errors.Add($"Restart policy \"{mode}\" with {attempts} attempts is ambiguous");
        }
        if (interval < 5_000_000_000)
        {
            errors.Add($"Interval can not be less than 5s (got {GoDuration.Format(interval)})");
        }
        if (attempts * delay > interval)
        {
            errors.Add($"Nomad can't restart the TaskGroup {attempts} times in an interval of {GoDuration.Format(interval)} with a delay of {GoDuration.Format(delay)}");
        }
        return errors;
    }

    private static List<string> Task(JsonObject task, JsonObject group, string jobType)
    {
        var errors = new List<string>();
        var name = Str(task, "Name");
        if (name.Length == 0)
        {
            errors.Add("Missing task name");
        }
        if (name == "alloc")
        {
            errors.Add("Task cannot be named \"alloc\"");
        }
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            errors.Add("Task name cannot include slashes");
        }
        else if (name.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("Task name cannot include null characters");
        }
        if (Str(task, "Driver").Length == 0)
        {
            errors.Add("Missing task driver");
        }
        var killTimeout = Long(task["KillTimeout"]);
        var progressDeadline = Long(Obj(group, "Update")?["ProgressDeadline"]);
        if (killTimeout < 0)
        {
            errors.Add("KillTimeout must be a positive value");
        }
        else if (jobType == "service" && progressDeadline > 0 && killTimeout > progressDeadline)
        {
            errors.Add($"KillTimout ({GoDuration.Format(killTimeout)}) longer than the group's ProgressDeadline ({GoDuration.Format(progressDeadline)})");
        }
        if (Long(task["ShutdownDelay"]) < 0)
        {
            errors.Add("ShutdownDelay must be a positive value");
        }
        if (Obj(task, "Resources") is not { } resources)
        {
            errors.Add("Missing task resources");
        }
        else if (MultiError.Format(Resources(resources)) is { } resourcesError)
        {
            errors.Add(resourcesError);
        }
        if (Obj(task, "LogConfig") is not { } logs)
        {
            errors.Add("Missing Log Config");
        }
        else if (MultiError.Format(Logs(logs, Obj(group, "EphemeralDisk"))) is { } logsError)
        {
            errors.Add(logsError);
        }
        errors.AddRange(PlacementValidator.Constraints(task, taskLevel: true));
        errors.AddRange(PlacementValidator.Affinities(task, jobType));
        if (MultiError.Format(ServiceValidator.Task(task, group)) is { } servicesError)
        {
            errors.Add(servicesError);
        }
        errors.AddRange(TaskPartsValidator.Artifacts(task));
        errors.AddRange(TaskBlockValidator.Vault(task));
        errors.AddRange(TaskPartsValidator.Templates(task));
        errors.AddRange(TaskBlockValidator.ActionsPayloadLifecycle(task, group));
        errors.AddRange(TaskPartsValidator.VolumeMounts(task, group));
        errors.AddRange(TaskBlockValidator.PluginAndIdentities(task));
        return errors;
    }

    private static List<string> Resources(JsonObject r)
    {
        var errors = new List<string>();
        long L(string f) => Long(r[f]);
        if (L("Cores") > 0 && L("CPU") > 0)
        {
            errors.Add("Task can only ask for 'cpu' or 'cores' resource, not both.");
        }
        if (L("Cores") < 0)
        {
            errors.Add($"cores value ({L("Cores")}) cannot be negative");
        }
        var minimums = new List<string>();
        if (L("CPU") < 1 && L("Cores") == 0)
        {
            minimums.Add($"minimum CPU value is 1; got {L("CPU")}");
        }
        if (L("MemoryMB") < 10)
        {
            minimums.Add($"minimum MemoryMB value is 10; got {L("MemoryMB")}");
        }
        if (MultiError.Format(minimums) is { } minimumsError)
        {
            errors.Add(minimumsError);
        }
        if (L("DiskMB") > 0)
        {
            errors.Add("Task can't ask for disk resources, they have to be specified at the task group level.");
        }
        var devices = Objs(r, "Devices");
        for (var i = 0; i < devices.Count; i++)
        {
            if (MultiError.Format(PlacementValidator.Device(devices[i])) is { } deviceError)
            {
                errors.Add($"device {i + 1} failed validation: {deviceError}");
            }
        }
        // The NUMA block (nomad/structs/numa.go): its devices must be requested ones, its affinity a known one.
        if (Obj(r, "NUMA") is { } numa)
        {
            var requested = devices.Select(d => Str(d, "Name")).ToHashSet(StringComparer.Ordinal);
            foreach (var numaDevice in Strings(numa, "Devices").Where(d => !requested.Contains(d)))
            {
                errors.Add($"numa device \"{numaDevice}\" not requested as task resource");
            }
            if (Str(numa, "Affinity") is not ("none" or "prefer" or "require"))
            {
                errors.Add("numa affinity must be one of none, prefer, or require");
            }
        }
        if (L("MemoryMaxMB") is not (0 or -1) && L("MemoryMaxMB") < L("MemoryMB"))
        {
            errors.Add($"MemoryMaxMB value ({L("MemoryMaxMB")}) should be larger than MemoryMB value ({L("MemoryMB")})");
        }
        if (L("SecretsMB") > L("MemoryMB"))
        {
            errors.Add($"SecretsMB value ({L("SecretsMB")}) cannot be larger than MemoryMB value ({L("MemoryMB")})");
        }
        if (L("SecretsMB") < 0)
        {
            errors.Add($"SecretsMB value ({L("SecretsMB")}) cannot be negative");
        }
        return errors;
    }

    private static List<string> Logs(JsonObject logs, JsonObject? disk)
    {
        var errors = new List<string>();
        var files = Long(logs["MaxFiles"]);
        var size = Long(logs["MaxFileSizeMB"]);
        if (files < 1)
        {
            errors.Add($"minimum number of files is 1; got {files}");
        }
        if (size < 1)
        {
            errors.Add($"minimum file size is 1MB; got {size}");
        }
        if (disk is not null && Long(disk["SizeMB"]) <= files * size)
        {
            errors.Add($"log storage ({files * size} MB) must be less than requested disk capacity ({Long(disk["SizeMB"])} MB)");
        }
        return errors;
    }
}

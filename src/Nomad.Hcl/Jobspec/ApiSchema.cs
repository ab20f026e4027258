namespace Nomad.Hcl.Jobspec;

/// <summary>
/// The Go <c>api</c> structs of hashicorp/nomad that a job file decodes into: for each struct, its fields as
/// (Go name, Go type, <c>hcl</c> tag, <c>json</c> tag). This is the API contract (field names and tags), listed
/// from hashicorp/nomad <c>api/*.go</c> at the oracle's commit; the decoder interprets it.
/// </summary>
internal static class ApiSchema
{
    public static readonly IReadOnlyDictionary<string, ApiField[]> Structs = new Dictionary<string, ApiField[]>(StringComparer.Ordinal)
    {
        ["Job"] =
        [
            new("Region", "*string", "region,optional", null),
            new("Namespace", "*string", "namespace,optional", null),
            new("ID", "*string", "id,optional", null),
            new("Name", "*string", "name,optional", null),
            new("Type", "*string", "type,optional", null),
            new("Priority", "*int", "priority,optional", null),
            new("AllAtOnce", "*bool", "all_at_once,optional", null),
            new("Datacenters", "[]string", "datacenters,optional", null),
            new("NodePool", "*string", "node_pool,optional", null),
            new("Constraints", "[]*Constraint", "constraint,block", null),
            new("Affinities", "[]*Affinity", "affinity,block", null),
            new("TaskGroups", "[]*TaskGroup", "group,block", null),
            new("Update", "*UpdateStrategy", "update,block", null),
            new("Multiregion", "*Multiregion", "multiregion,block", null),
            new("Spreads", "[]*Spread", "spread,block", null),
            new("Periodic", "*PeriodicConfig", "periodic,block", null),
            new("ParameterizedJob", "*ParameterizedJobConfig", "parameterized,block", null),
            new("Reschedule", "*ReschedulePolicy", "reschedule,block", null),
            new("Migrate", "*MigrateStrategy", "migrate,block", null),
            new("Meta", "map[string]string", "meta,block", null),
            new("UI", "*JobUIConfig", "ui,block", null),
            new("Stop", "*bool", null, null),
            new("ParentID", "*string", null, null),
            new("Dispatched", "bool", null, null),
            new("DispatchIdempotencyToken", "*string", null, null),
            new("Payload", "[]byte", null, null),
            new("ConsulNamespace", "*string", null, null),
            new("VaultNamespace", "*string", null, null),
            new("NomadTokenID", "*string", null, null),
            new("Status", "*string", null, null),
            new("StatusDescription", "*string", null, null),
            new("Stable", "*bool", null, null),
            new("Version", "*uint64", null, null),
            new("SubmitTime", "*int64", null, null),
            new("CreateIndex", "*uint64", null, null),
            new("ModifyIndex", "*uint64", null, null),
            new("JobModifyIndex", "*uint64", null, null),
            new("VersionTag", "*JobVersionTag", null, null),
        ],
        ["Task"] =
        [
            new("Name", "string", "name,label", null),
            new("Driver", "string", "driver,optional", null),
            new("User", "string", "user,optional", null),
            new("Lifecycle", "*TaskLifecycle", "lifecycle,block", null),
            new("Config", "map[string]any", "config,block", null),
            new("Constraints", "[]*Constraint", "constraint,block", null),
            new("Affinities", "[]*Affinity", "affinity,block", null),
            new("Env", "map[string]string", "env,block", null),
            new("Services", "[]*Service", "service,block", null),
            new("Resources", "*Resources", "resources,block", null),
            new("RestartPolicy", "*RestartPolicy", "restart,block", null),
            new("Meta", "map[string]string", "meta,block", null),
            new("KillTimeout", "*time.Duration", "kill_timeout,optional", null),
            new("LogConfig", "*LogConfig", "logs,block", null),
            new("Artifacts", "[]*TaskArtifact", "artifact,block", null),
            new("Vault", "*Vault", "vault,block", null),
            new("Consul", "*Consul", "consul,block", null),
            new("Templates", "[]*Template", "template,block", null),
            new("DispatchPayload", "*DispatchPayloadConfig", "dispatch_payload,block", null),
            new("VolumeMounts", "[]*VolumeMount", "volume_mount,block", null),
            new("CSIPluginConfig", "*TaskCSIPluginConfig", "csi_plugin,block", ",omitempty"),
            new("Leader", "bool", "leader,optional", null),
            new("ShutdownDelay", "time.Duration", "shutdown_delay,optional", null),
            new("KillSignal", "string", "kill_signal,optional", null),
            new("Kind", "string", "kind,optional", null),
            new("ScalingPolicies", "[]*ScalingPolicy", "scaling,block", null),
            new("Secrets", "[]*Secret", "secret,block", null),
            new("Identity", "*WorkloadIdentity", null, null),
            new("Identities", "[]*WorkloadIdentity", "identity,block", null),
            new("Actions", "[]*Action", "action,block", null),
            new("Schedule", "*TaskSchedule", "schedule,block", null),
        ],
        ["Secret"] =
        [
            new("Name", "string", "name,label", null),
            new("Provider", "string", "provider,optional", null),
            new("Path", "string", "path,optional", null),
            new("Config", "map[string]any", "config,block", null),
            new("Env", "map[string]string", "env,block", null),
        ],
        ["Vault"] =
        [
            new("Policies", "[]string", "policies,optional", null),
            new("Role", "string", "role,optional", null),
            new("Namespace", "*string", "namespace,optional", null),
            new("Cluster", "string", "cluster,optional", null),
            new("Env", "*bool", "env,optional", null),
            new("DisableFile", "*bool", "disable_file,optional", null),
            new("ChangeMode", "*string", "change_mode,optional", null),
            new("ChangeSignal", "*string", "change_signal,optional", null),
            new("AllowTokenExpiration", "*bool", "allow_token_expiration,optional", null),
        ],
        ["Constraint"] =
        [
            new("LTarget", "string", "attribute,optional", null),
            new("RTarget", "string", "value,optional", null),
            new("Operand", "string", "operator,optional", null),
        ],
        ["Affinity"] =
        [
            new("LTarget", "string", "attribute,optional", null),
            new("RTarget", "string", "value,optional", null),
            new("Operand", "string", "operator,optional", null),
            new("Weight", "*int8", "weight,optional", null),
        ],
        ["TaskGroup"] =
        [
            new("Name", "*string", "name,label", null),
            new("Count", "*int", "count,optional", null),
            new("Constraints", "[]*Constraint", "constraint,block", null),
            new("Affinities", "[]*Affinity", "affinity,block", null),
            new("Tasks", "[]*Task", "task,block", null),
            new("Spreads", "[]*Spread", "spread,block", null),
            new("Volumes", "map[string]*VolumeRequest", "volume,block", null),
            new("RestartPolicy", "*RestartPolicy", "restart,block", null),
            new("Disconnect", "*DisconnectStrategy", "disconnect,block", null),
            new("ReschedulePolicy", "*ReschedulePolicy", "reschedule,block", null),
            new("EphemeralDisk", "*EphemeralDisk", "ephemeral_disk,block", null),
            new("Update", "*UpdateStrategy", "update,block", null),
            new("Migrate", "*MigrateStrategy", "migrate,block", null),
            new("Networks", "[]*NetworkResource", "network,block", null),
            new("Meta", "map[string]string", "meta,block", null),
            new("Services", "[]*Service", "service,block", null),
            new("ShutdownDelay", "*time.Duration", "shutdown_delay,optional", null),
            new("MaxRunDuration", "*time.Duration", "max_run_duration,optional", null),
            new("StopAfterClientDisconnect", "*time.Duration", "stop_after_client_disconnect,optional", null),
            new("MaxClientDisconnect", "*time.Duration", "max_client_disconnect,optional", null),
            new("Scaling", "*ScalingPolicy", "scaling,block", null),
            new("Consul", "*Consul", "consul,block", null),
            new("PreventRescheduleOnLost", "*bool", "prevent_reschedule_on_lost,optional", null),
        ],
        ["UpdateStrategy"] =
        [
            new("Stagger", "*time.Duration", "stagger,optional", null),
            new("MaxParallel", "*int", "max_parallel,optional", null),
            new("HealthCheck", "*string", "health_check,optional", null),
            new("MinHealthyTime", "*time.Duration", "min_healthy_time,optional", null),
            new("HealthyDeadline", "*time.Duration", "healthy_deadline,optional", null),
            new("ProgressDeadline", "*time.Duration", "progress_deadline,optional", null),
            new("Canary", "*int", "canary,optional", null),
            new("AutoRevert", "*bool", "auto_revert,optional", null),
            new("AutoPromote", "*bool", "auto_promote,optional", null),
        ],
        ["Multiregion"] =
        [
            new("Strategy", "*MultiregionStrategy", "strategy,block", null),
            new("Regions", "[]*MultiregionRegion", "region,block", null),
        ],
        ["Spread"] =
        [
            new("Attribute", "string", "attribute,optional", null),
            new("Weight", "*int8", "weight,optional", null),
            new("SpreadTarget", "[]*SpreadTarget", "target,block", null),
        ],
        ["PeriodicConfig"] =
        [
            new("Enabled", "*bool", "enabled,optional", null),
            new("Spec", "*string", "cron,optional", null),
            new("Specs", "[]string", "crons,optional", null),
            new("SpecType", "*string", null, null),
            new("ProhibitOverlap", "*bool", "prohibit_overlap,optional", null),
            new("TimeZone", "*string", "time_zone,optional", null),
        ],
        ["ParameterizedJobConfig"] =
        [
            new("Payload", "string", "payload,optional", null),
            new("MetaRequired", "[]string", "meta_required,optional", null),
            new("MetaOptional", "[]string", "meta_optional,optional", null),
        ],
        ["ReschedulePolicy"] =
        [
            new("Attempts", "*int", "attempts,optional", null),
            new("Interval", "*time.Duration", "interval,optional", null),
            new("Delay", "*time.Duration", "delay,optional", null),
            new("DelayFunction", "*string", "delay_function,optional", null),
            new("MaxDelay", "*time.Duration", "max_delay,optional", null),
            new("Unlimited", "*bool", "unlimited,optional", null),
        ],
        ["MigrateStrategy"] =
        [
            new("MaxParallel", "*int", "max_parallel,optional", null),
            new("HealthCheck", "*string", "health_check,optional", null),
            new("MinHealthyTime", "*time.Duration", "min_healthy_time,optional", null),
            new("HealthyDeadline", "*time.Duration", "healthy_deadline,optional", null),
        ],
        ["JobUIConfig"] =
        [
            new("Description", "string", "description,optional", null),
            new("Links", "[]*JobUILink", "link,block", null),
        ],
        ["JobVersionTag"] =
        [
            new("Name", "string", null, null),
            new("Description", "string", null, null),
            new("TaggedTime", "int64", null, null),
        ],
        ["TaskLifecycle"] =
        [
            new("Hook", "string", "hook", null),
            new("Sidecar", "bool", "sidecar,optional", null),
        ],
        ["Service"] =
        [
            new("Name", "string", "name,optional", null),
            new("Tags", "[]string", "tags,optional", null),
            new("CanaryTags", "[]string", "canary_tags,optional", null),
            new("EnableTagOverride", "bool", "enable_tag_override,optional", null),
            new("PortLabel", "string", "port,optional", null),
            new("AddressMode", "string", "address_mode,optional", null),
            new("Address", "string", "address,optional", null),
            new("Checks", "[]ServiceCheck", "check,block", null),
            new("CheckRestart", "*CheckRestart", "check_restart,block", null),
            new("Connect", "*ConsulConnect", "connect,block", null),
            new("Meta", "map[string]string", "meta,block", null),
            new("CanaryMeta", "map[string]string", "canary_meta,block", null),
            new("TaggedAddresses", "map[string]string", "tagged_addresses,block", null),
            new("TaskName", "string", "task,optional", null),
            new("OnUpdate", "string", "on_update,optional", null),
            new("Identity", "*WorkloadIdentity", "identity,block", null),
            new("Weights", "*ServiceWeights", "weights,block", null),
            new("Provider", "string", "provider,optional", null),
            new("Cluster", "string", "cluster,optional", null),
            new("Kind", "string", "kind,optional", null),
        ],
        ["Resources"] =
        [
            new("CPU", "*int", "cpu,optional", null),
            new("Cores", "*int", "cores,optional", null),
            new("MemoryMB", "*int", "memory,optional", null),
            new("MemoryMaxMB", "*int", "memory_max,optional", null),
            new("DiskMB", "*int", "disk,optional", null),
            new("Networks", "[]*NetworkResource", "network,block", null),
            new("Devices", "[]*RequestedDevice", "device,block", null),
            new("NUMA", "*NUMAResource", "numa,block", null),
            new("SecretsMB", "*int", "secrets,optional", null),
            new("IOPS", "*int", "iops,optional", null),
        ],
        ["RestartPolicy"] =
        [
            new("Interval", "*time.Duration", "interval,optional", null),
            new("Attempts", "*int", "attempts,optional", null),
            new("Delay", "*time.Duration", "delay,optional", null),
            new("Mode", "*string", "mode,optional", null),
            new("RenderTemplates", "*bool", "render_templates,optional", null),
        ],
        ["LogConfig"] =
        [
            new("MaxFiles", "*int", "max_files,optional", null),
            new("MaxFileSizeMB", "*int", "max_file_size,optional", null),
            new("Enabled", "*bool", "enabled,optional", null),
            new("Disabled", "*bool", "disabled,optional", null),
        ],
        ["TaskArtifact"] =
        [
            new("GetterSource", "*string", "source,optional", null),
            new("GetterOptions", "map[string]string", "options,block", null),
            new("GetterHeaders", "map[string]string", "headers,block", null),
            new("GetterMode", "*string", "mode,optional", null),
            new("GetterInsecure", "*bool", "insecure,optional", null),
            new("RelativeDest", "*string", "destination,optional", null),
            new("Chown", "bool", "chown,optional", null),
        ],
        ["Consul"] =
        [
            new("Namespace", "string", "namespace,optional", null),
            new("Cluster", "string", "cluster,optional", null),
            new("Partition", "string", "partition,optional", null),
        ],
        ["Template"] =
        [
            new("SourcePath", "*string", "source,optional", null),
            new("DestPath", "*string", "destination,optional", null),
            new("EmbeddedTmpl", "*string", "data,optional", null),
            new("ChangeMode", "*string", "change_mode,optional", null),
            new("ChangeScript", "*ChangeScript", "change_script,block", null),
            new("ChangeSignal", "*string", "change_signal,optional", null),
            new("Once", "*bool", "once,optional", null),
            new("Splay", "*time.Duration", "splay,optional", null),
            new("Perms", "*string", "perms,optional", null),
            new("Uid", "*int", "uid,optional", null),
            new("Gid", "*int", "gid,optional", null),
            new("LeftDelim", "*string", "left_delimiter,optional", null),
            new("RightDelim", "*string", "right_delimiter,optional", null),
            new("Envvars", "*bool", "env,optional", null),
            new("VaultGrace", "*time.Duration", "vault_grace,optional", null),
            new("Wait", "*WaitConfig", "wait,block", null),
            new("ErrMissingKey", "*bool", "error_on_missing_key,optional", null),
        ],
        ["DispatchPayloadConfig"] =
        [
            new("File", "string", "file,optional", null),
        ],
        ["VolumeMount"] =
        [
            new("Volume", "*string", "volume,optional", null),
            new("Destination", "*string", "destination,optional", null),
            new("ReadOnly", "*bool", "read_only,optional", null),
            new("PropagationMode", "*string", "propagation_mode,optional", null),
            new("SELinuxLabel", "*string", "selinux_label,optional", null),
        ],
        ["TaskCSIPluginConfig"] =
        [
            new("ID", "string", "id,optional", null),
            new("Type", "CSIPluginType", "type,optional", null),
            new("MountDir", "string", "mount_dir,optional", null),
            new("StagePublishBaseDir", "string", "stage_publish_base_dir,optional", null),
            new("HealthTimeout", "time.Duration", "health_timeout,optional", null),
        ],
        ["ScalingPolicy"] =
        [
            new("Min", "*int64", "min,optional", null),
            new("Max", "*int64", "max,optional", null),
            new("Policy", "map[string]any", "policy,block", null),
            new("Enabled", "*bool", "enabled,optional", null),
            new("Type", "string", "type,optional", null),
            new("ID", "string", null, null),
            new("Namespace", "string", null, null),
            new("Target", "map[string]string", null, null),
            new("CreateIndex", "uint64", null, null),
            new("ModifyIndex", "uint64", null, null),
        ],
        ["WorkloadIdentity"] =
        [
            new("Name", "string", "name,optional", null),
            new("Audience", "[]string", "aud,optional", null),
            new("ChangeMode", "string", "change_mode,optional", null),
            new("ChangeSignal", "string", "change_signal,optional", null),
            new("Env", "bool", "env,optional", null),
            new("File", "bool", "file,optional", null),
            new("Filepath", "string", "filepath,optional", null),
            new("ServiceName", "string", "service_name,optional", null),
            new("TTL", "time.Duration", "ttl,optional", null),
            new("ExtraClaims", "[]string", "extra_claims,optional", null),
        ],
        ["Action"] =
        [
            new("Name", "string", "name,label", null),
            new("Command", "string", "command", null),
            new("Args", "[]string", "args,optional", null),
        ],
        ["TaskSchedule"] =
        [
            new("Cron", "*TaskScheduleCron", "cron,block", null),
        ],
        ["VolumeRequest"] =
        [
            new("Name", "string", "name,label", null),
            new("Type", "string", "type,optional", null),
            new("Source", "string", "source,optional", null),
            new("ReadOnly", "bool", "read_only,optional", null),
            new("Sticky", "bool", "sticky,optional", null),
            new("AccessMode", "string", "access_mode,optional", null),
            new("AttachmentMode", "string", "attachment_mode,optional", null),
            new("MountOptions", "*CSIMountOptions", "mount_options,block", null),
            new("PerAlloc", "bool", "per_alloc,optional", null),
            new("ExtraKeysHCL", "[]string", null, "-"),
        ],
        ["DisconnectStrategy"] =
        [
            new("LostAfter", "*time.Duration", "lost_after,optional", null),
            new("StopOnClientAfter", "*time.Duration", "stop_on_client_after,optional", null),
            new("Replace", "*bool", "replace,optional", null),
            new("Reconcile", "*ReconcileOption", "reconcile,optional", null),
        ],
        ["EphemeralDisk"] =
        [
            new("Sticky", "*bool", "sticky,optional", null),
            new("Migrate", "*bool", "migrate,optional", null),
            new("SizeMB", "*int", "size,optional", null),
        ],
        ["NetworkResource"] =
        [
            new("Mode", "string", "mode,optional", null),
            new("Device", "string", "device,optional", null),
            new("CIDR", "string", "cidr,optional", null),
            new("IP", "string", "ip,optional", null),
            new("DNS", "*DNSConfig", "dns,block", null),
            new("ReservedPorts", "[]Port", "reserved_ports,block", null),
            new("DynamicPorts", "[]Port", "port,block", null),
            new("Hostname", "string", "hostname,optional", null),
            new("MBits", "*int", "mbits,optional", null),
            new("CNI", "*CNIConfig", "cni,block", null),
        ],
        ["MultiregionStrategy"] =
        [
            new("MaxParallel", "*int", "max_parallel,optional", null),
            new("OnFailure", "*string", "on_failure,optional", null),
        ],
        ["MultiregionRegion"] =
        [
            new("Name", "string", ",label", null),
            new("Count", "*int", "count,optional", null),
            new("Datacenters", "[]string", "datacenters,optional", null),
            new("NodePool", "string", "node_pool,optional", null),
            new("Meta", "map[string]string", "meta,block", null),
        ],
        ["SpreadTarget"] =
        [
            new("Value", "string", ",label", null),
            new("Percent", "uint8", "percent,optional", null),
        ],
        ["JobUILink"] =
        [
            new("Label", "string", "label,optional", null),
            new("URL", "string", "url,optional", null),
        ],
        ["ServiceCheck"] =
        [
            new("Name", "string", "name,optional", null),
            new("Type", "string", "type,optional", null),
            new("Command", "string", "command,optional", null),
            new("Args", "[]string", "args,optional", null),
            new("Path", "string", "path,optional", null),
            new("Protocol", "string", "protocol,optional", null),
            new("PortLabel", "string", "port,optional", null),
            new("Expose", "bool", "expose,optional", null),
            new("AddressMode", "string", "address_mode,optional", null),
            new("Advertise", "string", "advertise,optional", null),
            new("Interval", "time.Duration", "interval,optional", null),
            new("Timeout", "time.Duration", "timeout,optional", null),
            new("InitialStatus", "string", "initial_status,optional", null),
            new("Notes", "string", "notes,optional", null),
            new("TLSServerName", "string", "tls_server_name,optional", null),
            new("TLSSkipVerify", "bool", "tls_skip_verify,optional", null),
            new("Header", "map[string][]string", "header,block", null),
            new("Method", "string", "method,optional", null),
            new("CheckRestart", "*CheckRestart", "check_restart,block", null),
            new("GRPCService", "string", "grpc_service,optional", null),
            new("GRPCUseTLS", "bool", "grpc_use_tls,optional", null),
            new("TaskName", "string", "task,optional", null),
            new("SuccessBeforePassing", "int", "success_before_passing,optional", null),
            new("FailuresBeforeCritical", "int", "failures_before_critical,optional", null),
            new("FailuresBeforeWarning", "int", "failures_before_warning,optional", null),
            new("Body", "string", "body,optional", null),
            new("OnUpdate", "string", "on_update,optional", null),
        ],
        ["CheckRestart"] =
        [
            new("Limit", "int", "limit,optional", null),
            new("Grace", "*time.Duration", "grace,optional", null),
            new("IgnoreWarnings", "bool", "ignore_warnings,optional", null),
        ],
        ["ConsulConnect"] =
        [
            new("Native", "bool", "native,optional", null),
            new("Gateway", "*ConsulGateway", "gateway,block", null),
            new("SidecarService", "*ConsulSidecarService", "sidecar_service,block", null),
            new("SidecarTask", "*SidecarTask", "sidecar_task,block", null),
        ],
        ["ServiceWeights"] =
        [
            new("Passing", "int", "passing,optional", null),
            new("Warning", "int", "warning,optional", null),
        ],
        ["RequestedDevice"] =
        [
            new("Name", "string", ",label", null),
            new("Count", "*uint64", "count,optional", null),
            new("Constraints", "[]*Constraint", "constraint,block", null),
            new("Affinities", "[]*Affinity", "affinity,block", null),
        ],
        ["NUMAResource"] =
        [
            new("Affinity", "string", "affinity,optional", null),
            new("Devices", "[]string", "devices,optional", null),
        ],
        ["ChangeScript"] =
        [
            new("Command", "*string", "command", null),
            new("Args", "[]string", "args,optional", null),
            new("Timeout", "*time.Duration", "timeout,optional", null),
            new("FailOnError", "*bool", "fail_on_error", null),
            new("RunOnFirstRender", "*bool", "run_on_first_render,optional", null),
        ],
        ["WaitConfig"] =
        [
            new("Min", "*time.Duration", "min", null),
            new("Max", "*time.Duration", "max", null),
        ],
        ["TaskScheduleCron"] =
        [
            new("Start", "string", "start,optional", null),
            new("End", "string", "end,optional", null),
            new("Timezone", "string", "timezone,optional", null),
        ],
        ["CSIMountOptions"] =
        [
            new("FSType", "string", "fs_type,optional", null),
            new("MountFlags", "[]string", "mount_flags,optional", null),
            new("ExtraKeysHCL", "[]string", null, "-"),
        ],
        ["DNSConfig"] =
        [
            new("Servers", "[]string", "servers,optional", null),
            new("Searches", "[]string", "searches,optional", null),
            new("Options", "[]string", "options,optional", null),
        ],
        ["Port"] =
        [
            new("Label", "string", ",label", null),
            new("Value", "int", "static,optional", null),
            new("To", "int", "to,optional", null),
            new("HostNetwork", "string", "host_network,optional", null),
            new("IgnoreCollision", "bool", "ignore_collision,optional", null),
        ],
        ["CNIConfig"] =
        [
            new("Args", "map[string]string", "args,optional", null),
        ],
        ["ConsulGateway"] =
        [
            new("Proxy", "*ConsulGatewayProxy", "proxy,block", null),
            new("Ingress", "*ConsulIngressConfigEntry", "ingress,block", null),
            new("Terminating", "*ConsulTerminatingConfigEntry", "terminating,block", null),
            new("Mesh", "*ConsulMeshConfigEntry", "mesh,block", null),
        ],
        ["ConsulSidecarService"] =
        [
            new("Tags", "[]string", "tags,optional", null),
            new("Port", "string", "port,optional", null),
            new("Proxy", "*ConsulProxy", "proxy,block", null),
            new("DisableDefaultTCPCheck", "bool", "disable_default_tcp_check,optional", null),
            new("Meta", "map[string]string", "meta,block", null),
        ],
        ["SidecarTask"] =
        [
            new("Name", "string", "name,optional", null),
            new("Driver", "string", "driver,optional", null),
            new("User", "string", "user,optional", null),
            new("Config", "map[string]any", "config,block", null),
            new("Env", "map[string]string", "env,block", null),
            new("Resources", "*Resources", "resources,block", null),
            new("Meta", "map[string]string", "meta,block", null),
            new("KillTimeout", "*time.Duration", "kill_timeout,optional", null),
            new("LogConfig", "*LogConfig", "logs,block", null),
            new("ShutdownDelay", "*time.Duration", "shutdown_delay,optional", null),
            new("KillSignal", "string", "kill_signal,optional", null),
            new("VolumeMounts", "[]*VolumeMount", "volume_mount,block", null),
            new("Identities", "[]*WorkloadIdentity", "identity,block", null),
        ],
        ["ConsulGatewayProxy"] =
        [
            new("ConnectTimeout", "*time.Duration", "connect_timeout,optional", null),
            new("EnvoyGatewayBindTaggedAddresses", "bool", "envoy_gateway_bind_tagged_addresses,optional", null),
            new("EnvoyGatewayBindAddresses", "map[string]*ConsulGatewayBindAddress", "envoy_gateway_bind_addresses,block", null),
            new("EnvoyGatewayNoDefaultBind", "bool", "envoy_gateway_no_default_bind,optional", null),
            new("EnvoyDNSDiscoveryType", "string", "envoy_dns_discovery_type,optional", null),
            new("Config", "map[string]any", "config,block", null),
        ],
        ["ConsulIngressConfigEntry"] =
        [
            new("TLS", "*ConsulGatewayTLSConfig", "tls,block", null),
            new("Listeners", "[]*ConsulIngressListener", "listener,block", null),
        ],
        ["ConsulTerminatingConfigEntry"] =
        [
            new("Services", "[]*ConsulLinkedService", "service,block", null),
        ],
        ["ConsulMeshConfigEntry"] =
        [
        ],
        ["ConsulProxy"] =
        [
            new("LocalServiceAddress", "string", "local_service_address,optional", null),
            new("LocalServicePort", "int", "local_service_port,optional", null),
            new("Expose", "*ConsulExposeConfig", "expose,block", null),
            new("ExposeConfig", "*ConsulExposeConfig", null, null),
            new("Upstreams", "[]*ConsulUpstream", "upstreams,block", null),
            new("TransparentProxy", "*ConsulTransparentProxy", "transparent_proxy,block", null),
            new("Config", "map[string]any", "config,block", null),
        ],
        ["ConsulGatewayBindAddress"] =
        [
            new("Name", "string", ",label", null),
            new("Address", "string", "address,optional", null),
            new("Port", "int", "port,optional", null),
        ],
        ["ConsulGatewayTLSConfig"] =
        [
            new("Enabled", "bool", "enabled,optional", null),
            new("TLSMinVersion", "string", "tls_min_version,optional", null),
            new("TLSMaxVersion", "string", "tls_max_version,optional", null),
            new("CipherSuites", "[]string", "cipher_suites,optional", null),
            new("SDS", "*ConsulGatewayTLSSDSConfig", "sds,block", null),
        ],
        ["ConsulIngressListener"] =
        [
            new("Port", "int", "port,optional", null),
            new("Protocol", "string", "protocol,optional", null),
            new("Services", "[]*ConsulIngressService", "service,block", null),
        ],
        ["ConsulLinkedService"] =
        [
            new("Name", "string", "name,optional", null),
            new("CAFile", "string", "ca_file,optional", null),
            new("CertFile", "string", "cert_file,optional", null),
            new("KeyFile", "string", "key_file,optional", null),
            new("SNI", "string", "sni,optional", null),
        ],
        ["ConsulExposeConfig"] =
        [
            new("Paths", "[]*ConsulExposePath", "path,block", null),
            new("Path", "[]*ConsulExposePath", null, null),
        ],
        ["ConsulUpstream"] =
        [
            new("DestinationName", "string", "destination_name,optional", null),
            new("DestinationNamespace", "string", "destination_namespace,optional", null),
            new("DestinationPeer", "string", "destination_peer,optional", null),
            new("DestinationPartition", "string", "destination_partition,optional", null),
            new("DestinationType", "string", "destination_type,optional", null),
            new("LocalBindPort", "int", "local_bind_port,optional", null),
            new("Datacenter", "string", "datacenter,optional", null),
            new("LocalBindAddress", "string", "local_bind_address,optional", null),
            new("LocalBindSocketPath", "string", "local_bind_socket_path,optional", null),
            new("LocalBindSocketMode", "string", "local_bind_socket_mode,optional", null),
            new("MeshGateway", "*ConsulMeshGateway", "mesh_gateway,block", null),
            new("Config", "map[string]any", "config,block", null),
        ],
        ["ConsulTransparentProxy"] =
        [
            new("UID", "string", "uid,optional", null),
            new("OutboundPort", "uint16", "outbound_port,optional", null),
            new("ExcludeInboundPorts", "[]string", "exclude_inbound_ports,optional", null),
            new("ExcludeOutboundPorts", "[]uint16", "exclude_outbound_ports,optional", null),
            new("ExcludeOutboundCIDRs", "[]string", "exclude_outbound_cidrs,optional", null),
            new("ExcludeUIDs", "[]string", "exclude_uids,optional", null),
            new("NoDNS", "bool", "no_dns,optional", null),
        ],
        ["ConsulGatewayTLSSDSConfig"] =
        [
            new("ClusterName", "string", "cluster_name,optional", null),
            new("CertResource", "string", "cert_resource,optional", null),
        ],
        ["ConsulIngressService"] =
        [
            new("Name", "string", "name,optional", null),
            new("Hosts", "[]string", "hosts,optional", null),
            new("TLS", "*ConsulGatewayTLSConfig", "tls,block", null),
            new("RequestHeaders", "*ConsulHTTPHeaderModifiers", "request_headers,block", null),
            new("ResponseHeaders", "*ConsulHTTPHeaderModifiers", "response_headers,block", null),
            new("MaxConnections", "*uint32", "max_connections,optional", null),
            new("MaxPendingRequests", "*uint32", "max_pending_requests,optional", null),
            new("MaxConcurrentRequests", "*uint32", "max_concurrent_requests,optional", null),
        ],
        ["ConsulExposePath"] =
        [
            new("Path", "string", "path,optional", null),
            new("Protocol", "string", "protocol,optional", null),
            new("LocalPathPort", "int", "local_path_port,optional", null),
            new("ListenerPort", "string", "listener_port,optional", null),
        ],
        ["ConsulMeshGateway"] =
        [
            new("Mode", "string", "mode,optional", null),
        ],
        ["ConsulHTTPHeaderModifiers"] =
        [
            new("Add", "map[string]string", "add,block", null),
            new("Set", "map[string]string", "set,block", null),
            new("Remove", "[]string", "remove,optional", null),
        ],
    };
}

namespace NomadGitOps.Cli;

/// <summary>
/// Every Nomad endpoint the controller calls, with the capability Nomad's source checks for it. The policy
/// (<c>nomad-gitops policy</c>) and the capability probes (<c>nomad-gitops check</c>) are both derived from this table;
/// a new Nomad call in the controller needs a row here.
/// </summary>
internal static class ControllerPermissions
{
    /// <summary>Variables path capabilities (<c>acl/policy.go</c>, <c>VariablesCapability*</c>).</summary>
    public const string VariableList = "list";

    /// <summary>Reads a variable (and, by <c>expandVariablesCapabilities</c>, lists it).</summary>
    public const string VariableRead = "read";

    /// <summary>Writes a variable, and acquires, renews and releases a lock on it.</summary>
    public const string VariableWrite = "write";

    /// <summary>Deletes a variable.</summary>
    public const string VariableDestroy = "destroy";

    /// <summary>Namespace capabilities (<c>acl/policy.go</c>, <c>NamespaceCapability*</c>).</summary>
    public const string ListJobs = "list-jobs";

    /// <summary>Reads a job and its deployments.</summary>
    public const string ReadJob = "read-job";

    /// <summary>Parses HCL on the server.</summary>
    public const string ParseJob = "parse-job";

    /// <summary>Plans, registers and stops jobs.</summary>
    public const string SubmitJob = "submit-job";

    /// <summary>Restarts allocations in place (<c>nomad-gitops restart job</c>).</summary>
    public const string AllocLifecycle = "alloc-lifecycle";

    /// <summary>The table, in the order the controller first needs each call.</summary>
    public static IReadOnlyList<ControllerPermission> All { get; } =
    [
        new("GET /v1/status/leader", PermissionScope.None, "", null,
            "nomad/status_endpoint.go Status.Leader: authenticates only to count the call, no ACL check"),
        new("GET /v1/vars", PermissionScope.ObjectVariables, VariableList, VariableRead,
            "nomad/variables_endpoint.go Variables.List: AllowVariableOperation(list) per variable, others left out (no 403); acl/policy.go expandVariablesCapabilities: read implies list"),
        new("GET /v1/var/:path", PermissionScope.ObjectVariables, VariableRead, null,
            "nomad/variables_endpoint.go Variables.Read: AllowVariableOperation(read), before the lookup"),
        new("PUT /v1/var/:path", PermissionScope.ObjectVariables, VariableWrite, null,
            "nomad/variables_endpoint.go Variables.Apply: VarOpSet/VarOpCAS need write"),
        new("PUT /v1/var/:path?lock-acquire", PermissionScope.ObjectVariables, VariableWrite, null,
            "nomad/variables_endpoint.go Variables.Apply: VarOpLockAcquire needs write"),
        new("PUT /v1/var/:path?lock-renew", PermissionScope.ObjectVariables, VariableWrite, null,
            "nomad/variables_endpoint.go Variables.RenewLock: AllowVariableOperation(write)"),
        new("PUT /v1/var/:path?lock-release", PermissionScope.ObjectVariables, VariableWrite, null,
            "nomad/variables_endpoint.go Variables.Apply: VarOpLockRelease needs write"),
        new("DELETE /v1/var/:path", PermissionScope.ObjectVariables, VariableDestroy, null,
            "nomad/variables_endpoint.go Variables.Apply: VarOpDelete/VarOpDeleteCAS need destroy"),
        new("GET /v1/jobs", PermissionScope.ManagedNamespaces, ListJobs, null,
            "nomad/job_endpoint.go Job.List: AllowNsOp(list-jobs) for one namespace; with namespace=* only the allowed ones are listed"),
        new("GET /v1/job/:id", PermissionScope.ManagedNamespaces, ReadJob, null,
            "nomad/job_endpoint.go Job.GetJob: AllowNsOp(read-job), before the lookup"),
        new("GET /v1/job/:id/deployment", PermissionScope.ManagedNamespaces, ReadJob, null,
            "nomad/job_endpoint.go Job.LatestDeployment: AllowNsOp(read-job)"),
        new("POST /v1/jobs/parse", PermissionScope.ManagedNamespaces, ParseJob, SubmitJob,
            "command/agent/job_endpoint.go JobsParseRequest: parse-job or submit-job"),
        new("POST /v1/job/:id/plan", PermissionScope.ManagedNamespaces, SubmitJob, "plan-job (Nomad 2.x)",
            "nomad/job_endpoint.go Job.Plan: AllowNsOpAnyOf(submit-job, plan-job)"),
        new("POST /v1/jobs", PermissionScope.ManagedNamespaces, SubmitJob, null,
            "nomad/job_endpoint.go Job.Register: AllowNsOp(submit-job); volumes, CSI plugins and policy override need more, which the controller's jobs must not use"),
        new("DELETE /v1/job/:id", PermissionScope.ManagedNamespaces, SubmitJob, "deregister-job (Nomad 2.x)",
            "nomad/job_endpoint.go Job.Deregister: AllowNsOpAnyOf(submit-job, purge-job, deregister-job when not purging)"),
        new("GET /v1/job/:id/allocations", PermissionScope.ManagedNamespaces, ReadJob, null,
            "nomad/job_endpoint.go Job.Allocations: AllowNsOp(read-job); used by 'nomad-gitops restart job'"),
        new("PUT /v1/client/allocation/:id/restart", PermissionScope.ManagedNamespaces, AllocLifecycle, null,
            "nomad/client_alloc_endpoint.go ClientAllocations.Restart: AllowNsOp(alloc-lifecycle) on the allocation's namespace; used by 'nomad-gitops restart job' only"),
        new("POST /v1/allocation/:id/stop", PermissionScope.ManagedNamespaces, AllocLifecycle, null,
            "nomad/alloc_endpoint.go Alloc.Stop: NamespaceValidator(alloc-lifecycle) on the allocation's namespace; used by 'nomad-gitops restart job --reschedule' only"),
    ];
}

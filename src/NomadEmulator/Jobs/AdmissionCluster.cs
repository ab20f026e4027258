namespace Nomad.Emulator.Jobs;

/// <summary>
/// What the admission validators ask the server's state: whether a namespace and a node pool exist
/// (jobNamespaceConstraintCheckHook, jobNodePoolValidatingHook in nomad/job_endpoint_validators.go and
/// nomad/job_endpoint_hook_node_pool.go). Without one (an offline check) neither is asked.
/// </summary>
public sealed record AdmissionCluster(Func<string, bool> NamespaceExists, Func<string, bool> NodePoolExists)
{
    /// <summary>A fresh default agent: only the <c>default</c> namespace and the built-in <c>default</c> and <c>all</c> node pools.</summary>
    public static AdmissionCluster Fresh { get; } = new(ns => ns == "default", pool => pool is "default" or "all");
}

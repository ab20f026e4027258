using System.Text.Json.Nodes;

namespace NomadGitOps.Rendering;

/// <summary>
/// The job meta that marks a Nomad job as ours: <c>gitops_managed_by</c> (the controller's name),
/// <c>gitops_object</c> (the NomadJob object's variable path) and <c>gitops_prune</c>. Only stable values: never the
/// commit, which would make every commit a new job version.
/// </summary>
internal static class OwnershipMeta
{
    /// <summary>Meta key naming the controller that registered the job.</summary>
    public const string ManagedByKey = "gitops_managed_by";

    /// <summary>Meta key naming the NomadJob object (its variable path) the job comes from.</summary>
    public const string ObjectKey = "gitops_object";

    /// <summary>Meta key saying whether the job is deregistered when its object or file vanishes.</summary>
    public const string PruneKey = "gitops_prune";

    /// <summary>Sets the three meta items on the job-level <c>Meta</c> of <paramref name="job"/> (in place), keeping the job's own meta.</summary>
    public static void Apply(JsonObject job, string managedBy, string objectPath, bool prune)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job["Meta"] is not JsonObject meta)
        {
            meta = [];
            job["Meta"] = meta;
        }

        meta[ManagedByKey] = managedBy;
        meta[ObjectKey] = objectPath;
        meta[PruneKey] = prune ? "true" : "false";
    }

    /// <summary>The value of job-level meta <paramref name="key"/> of a live job; null when absent.</summary>
    public static string? Read(JsonObject? job, string key) =>
        job?["Meta"] is JsonObject meta && meta[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>True when <paramref name="job"/>'s meta says <paramref name="managedBy"/> registered it for the object at <paramref name="objectPath"/>.</summary>
    public static bool IsOwnedBy(JsonObject? job, string managedBy, string objectPath) =>
        Read(job, ManagedByKey) == managedBy && Read(job, ObjectKey) == objectPath;
}

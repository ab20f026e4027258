using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>One job file of a repository and the job it defines.</summary>
/// <param name="File">Path of the file from the repository root.</param>
/// <param name="JobId">The job's ID.</param>
/// <param name="Namespace">The job's namespace: the file's own, else the repository's <c>namespace</c>, else <c>default</c>.</param>
internal sealed record JobClaim(string File, string JobId, string Namespace)
{
    /// <summary>The NomadJob object this file maps to.</summary>
    public ObjectKey Key => ObjectKey.NomadJob(Namespace, JobId);

    /// <summary>The inventory entry, <c>namespace/job-id</c>.</summary>
    public string InventoryEntry => $"{Namespace}/{JobId}";
}

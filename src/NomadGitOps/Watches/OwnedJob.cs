namespace NomadGitOps.Watches;

/// <summary>One job this controller owns, as the blocking list of owned jobs shows it (a job list stub).</summary>
/// <param name="Namespace">The job's namespace.</param>
/// <param name="Id">The job ID.</param>
/// <param name="JobModifyIndex">Index of the job's last spec change.</param>
/// <param name="Stop">True once the job was stopped.</param>
/// <param name="Status"><c>pending</c>, <c>running</c> or <c>dead</c>.</param>
/// <param name="ObjectPath">The <c>gitops_object</c> meta: the variable path of the NomadJob that made it.</param>
internal sealed record OwnedJob(string Namespace, string Id, ulong JobModifyIndex, bool Stop, string Status, string? ObjectPath)
{
    /// <summary>True when <paramref name="other"/> differs in what a NomadJob must look at (not the run status).</summary>
    public bool MovedFrom(OwnedJob other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return JobModifyIndex != other.JobModifyIndex || Stop != other.Stop || !string.Equals(ObjectPath, other.ObjectPath, StringComparison.Ordinal);
    }
}

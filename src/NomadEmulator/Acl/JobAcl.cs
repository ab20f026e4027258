namespace Nomad.Emulator.Acl;

/// <summary>
/// A policy's attachment to a job (<c>structs.JobACL</c>, set by <c>nomad acl policy apply -namespace NS -job JOB</c>):
/// the policy applies to the workload identities of that job, or only of one group or task when named.
/// </summary>
public sealed record JobAcl(string? Namespace, string? JobID, string? Group, string? Task)
{
    /// <summary>True when an identity of <paramref name="task"/> in <paramref name="group"/> of the job matches.</summary>
    public bool Matches(string ns, string jobId, string group, string task) =>
        (Namespace ?? "default") == ns && JobID == jobId
        && (string.IsNullOrEmpty(Group) || Group == group)
        && (string.IsNullOrEmpty(Task) || Task == task);
}

using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>Decides, without I/O, a repository's next index status and the reconcile's outcome from what the run found.</summary>
internal static class IndexStatusSummary
{
    /// <summary>
    /// The next <c>status_index*</c> items: after a run that went through, the run's inventory, errors, commit and
    /// conflicts; after one that did not (<see cref="ReconcileOutcome.Failed"/>, <see cref="ReconcileOutcome.Waiting"/>),
    /// the previous status unchanged, so the commit is indexed again.
    /// </summary>
    public static RepositoryIndexStatus For(RepositoryIndexStatus previous, NomadJobIndexRun run, ReconcileOutcome outcome) =>
        outcome is ReconcileOutcome.Failed or ReconcileOutcome.Waiting
            ? previous
            : new RepositoryIndexStatus(
                Jobs: [.. run.Inventory],
                Errors: run.Errors.Count == 0 ? null : string.Join('\n', run.Errors),
                IndexedCommit: run.Commit,
                Conflicts: [.. run.Conflicts]);

    /// <summary>
    /// How a run whose steps all went through ended: up to date without errors; else stalled (a person must fix a
    /// file), <see cref="Reasons.Conflict"/> when some error is a conflict, <see cref="Reasons.IndexFailed"/> otherwise.
    /// </summary>
    public static ReconcileOutcome Outcome(NomadJobIndexRun run)
    {
        var commit = run.Commit[..Math.Min(12, run.Commit.Length)];
        var done = $"{run.Key} at commit {commit}: {run.Inventory.Count} job(s) indexed ({run.Created} created, {run.Updated} updated, {run.Orphaned} orphaned, {run.Deleted} deleted), "
            + $"{run.JobFiles.Count} of {run.Selected.Count} job file(s) read{(run.Changes is { Removed.Count: > 0 } changes ? $", {changes.Removed.Count} gone" : "")}";
        if (run.Errors.Count == 0)
        {
            return new ReconcileOutcome.UpToDate(done + ".");
        }

        var reason = run.ConflictErrors > 0 ? Reasons.Conflict : Reasons.IndexFailed;
        return new ReconcileOutcome.Stalled(reason, $"{done}; {run.Errors.Count} problem(s), see status_index_errors: {run.Errors[0]}");
    }
}

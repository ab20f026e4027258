using System.Security.Cryptography;
using System.Text;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// What a repository's job files and their jobs were at its last index in this process, so the next commit costs work
/// for what it changed: only files whose blob differs are read, parsed and decided on (<see cref="JobFileChanges"/>).
/// </summary>
/// <param name="Commit">The commit indexed.</param>
/// <param name="RenderContext">A hash of what every job's text is rendered with besides its file: the repository's <c>variables</c> and var files.</param>
/// <param name="SelectionContext">A hash of what every decision depends on besides the files: <c>path</c>, <c>include</c>, <c>exclude</c>, <c>namespace</c>, <c>prune</c>.</param>
/// <param name="Blobs">The blob id of each selected job file, by path.</param>
/// <param name="Claims">The job each readable file defined, by path.</param>
/// <param name="Inventory">The objects the repository owned after that index (<c>namespace/job-id</c>).</param>
/// <param name="Clean">True when that index went through every step and found no error and no conflict: only then can the next one start from it.</param>
internal sealed record IndexSnapshot(
    string Commit,
    string RenderContext,
    string SelectionContext,
    IReadOnlyDictionary<string, string> Blobs,
    IReadOnlyDictionary<string, JobClaim> Claims,
    IReadOnlyList<string> Inventory,
    bool Clean)
{
    /// <summary>What a run that ended with <paramref name="outcome"/> found, as the next run's starting point.</summary>
    public static IndexSnapshot Of(NomadJobIndexRun run, ReconcileOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new IndexSnapshot(
            run.Commit,
            run.RenderContext,
            SelectionContextOf(run.Spec),
            run.Selected.ToDictionary(f => f.Path, f => f.BlobId, StringComparer.Ordinal),
            run.Claims.ToDictionary(c => c.File, StringComparer.Ordinal),
            [.. run.Inventory],
            Clean: outcome is ReconcileOutcome.UpToDate && run.Errors.Count == 0 && run.Conflicts.Count == 0);
    }

    /// <summary>True when an index of <paramref name="spec"/> whose stored status is <paramref name="previous"/> may start from this snapshot.</summary>
    public bool CanStart(GitRepositorySpec spec, RepositoryIndexStatus previous)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(previous);
        return Clean && previous.Errors is null && (previous.Conflicts ?? []).Count == 0 && previous.IndexedCommit == Commit
            && SelectionContext == SelectionContextOf(spec);
    }

    /// <summary>
    /// The NomadJobs of <paramref name="run"/> whose file changed since <paramref name="last"/> (all of them after a
    /// start, or when the repository's variables or var files changed): the others wait for their interval, so a commit
    /// costs work for what it changed. Other spec items (<c>reconcile_requested_at</c>, <c>interval</c>) change no job.
    /// </summary>
    public static List<ObjectKey> ChangedJobs(IndexSnapshot? last, NomadJobIndexRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var blobs = run.Selected.ToDictionary(f => f.Path, f => f.BlobId, StringComparer.Ordinal);
        var all = last is null || last.RenderContext != run.RenderContext;
        return run.Claims
            .Where(c => all || last!.Blobs.GetValueOrDefault(c.File) != blobs.GetValueOrDefault(c.File))
            .Where(c => run.Inventory.Contains(c.InventoryEntry))
            .Select(c => c.Key)
            .ToList();
    }

    /// <summary>A hash of the repository's <c>variables</c>, var file names and their texts.</summary>
    public static string RenderContextOf(GitRepositorySpec spec, IReadOnlyList<string> varFileSources)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(varFileSources);
        return Hash((spec.Variables ?? "") + "\0" + string.Join("\0", spec.VarFiles) + "\0" + string.Join("\0", varFileSources));
    }

    /// <summary>A hash of the spec items that every decision depends on.</summary>
    public static string SelectionContextOf(GitRepositorySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Hash(string.Join("\0", spec.Path, spec.Include.ToString(), spec.Exclude?.ToString() ?? "\u0001", spec.Namespace ?? "\u0001", spec.Prune ? "true" : "false"));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using NomadGitOps.Objects;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>The facts one index reconcile of one repository has found so far; the steps fill it in, the summary reads it.</summary>
/// <param name="key">The GitRepository.</param>
/// <param name="spec">Its spec.</param>
/// <param name="commit">The commit being indexed (<c>status_current_commit</c>).</param>
/// <param name="previous">The index status before this reconcile.</param>
internal sealed class NomadJobIndexRun(ObjectKey key, GitRepositorySpec spec, string commit, RepositoryIndexStatus previous)
{
    /// <summary>The GitRepository.</summary>
    public ObjectKey Key { get; } = key;

    /// <summary>The repository's name, as NomadJobs' <c>repository</c> item holds it.</summary>
    public string Repository => Key.Name;

    /// <summary>Its spec.</summary>
    public GitRepositorySpec Spec { get; } = spec;

    /// <summary>The commit being indexed.</summary>
    public string Commit { get; } = commit;

    /// <summary>The index status before this reconcile.</summary>
    public RepositoryIndexStatus Previous { get; } = previous;

    /// <summary>The NomadJobs the index made for this repository before (<c>namespace/job-id</c>): the recorded inventory and the objects.</summary>
    public IReadOnlyList<string> PreviousJobs { get; set; } = [];

    /// <summary>
    /// The last index of this repository in this process when this run starts from it (only changed files are read and
    /// decided on); null for a run over every file (after a start, a spec or var file change, or errors).
    /// </summary>
    public IndexSnapshot? Snapshot { get; set; }

    /// <summary>The job files selected by <c>path</c>, <c>include</c> and <c>exclude</c> (path and blob id).</summary>
    public IReadOnlyList<ArtifactFile> Selected { get; set; } = [];

    /// <summary>The job files read at this run, with their contents: every selected file, or only the changed ones when starting from <see cref="Snapshot"/>.</summary>
    public IReadOnlyList<ArtifactBlob> JobFiles { get; set; } = [];

    /// <summary>What the selected files changed since <see cref="Snapshot"/>; null for a run over every file.</summary>
    public JobFileChanges? Changes { get; set; }

    /// <summary>The objects to decide on; null for all. Others keep what <see cref="Snapshot"/> found, after a look at the object.</summary>
    public HashSet<ObjectKey>? Decide { get; set; }

    /// <summary><see cref="IndexSnapshot.RenderContextOf"/> of this run.</summary>
    public string RenderContext { get; set; } = "";

    /// <summary>The repository's files at the commit, which job files calling <c>file()</c> are rendered from.</summary>
    public Artifact? Artifact { get; set; }

    /// <summary>The text of each var file, in the order the spec lists them.</summary>
    public IReadOnlyList<string> VarFileSources { get; set; } = [];

    /// <summary>The job each readable file defines (read at this run, or kept from <see cref="Snapshot"/> for an unchanged file).</summary>
    public List<JobClaim> Claims { get; } = [];

    /// <summary>Files that exist but could not be read into a job (their objects are kept, never pruned).</summary>
    public HashSet<string> UnreadableFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines for <c>status_index_errors</c>, in the order found.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>How many of <see cref="Errors"/> are conflicts (two files or repositories claiming one job, or a hand-made object).</summary>
    public int ConflictErrors { get; set; }

    /// <summary>The objects this repository owns after this reconcile (<c>namespace/job-id</c>).</summary>
    public SortedSet<string> Inventory { get; } = new(StringComparer.Ordinal);

    /// <summary>The objects this repository claims but another owner keeps (<c>namespace/job-id</c>).</summary>
    public SortedSet<string> Conflicts { get; } = new(StringComparer.Ordinal);

    /// <summary>NomadJobs created, changed, orphaned or deleted: the NomadJob controller is triggered for each.</summary>
    public List<ObjectKey> Touched { get; } = [];

    /// <summary>How many objects were created.</summary>
    public int Created { get; set; }

    /// <summary>How many objects had their spec updated.</summary>
    public int Updated { get; set; }

    /// <summary>How many objects were marked orphaned.</summary>
    public int Orphaned { get; set; }

    /// <summary>How many objects were deleted (prune).</summary>
    public int Deleted { get; set; }

    /// <summary>
    /// After the files read at this run were parsed: when it starts from <see cref="Snapshot"/>, adds the jobs of the
    /// unchanged files as the last index found them, and decides on the objects of files changed, new or gone only.
    /// </summary>
    public void KeepUnchangedClaims()
    {
        if (Snapshot is not { } snapshot || Changes is not { } changes)
        {
            return;
        }

        var changed = changes.Changed.Select(f => f.Path).Concat(changes.Removed).ToHashSet(StringComparer.Ordinal);
        Decide = [.. Claims.Select(c => c.Key)];
        Decide.UnionWith(changed.Select(snapshot.Claims.GetValueOrDefault).OfType<JobClaim>().Select(c => c.Key));
        Claims.AddRange(Selected.Where(f => !changed.Contains(f.Path)).Select(f => snapshot.Claims.GetValueOrDefault(f.Path)).OfType<JobClaim>());
    }

    /// <summary>Records what a decision on the object of <paramref name="claim"/> (the first of its claims) did.</summary>
    public void Record(JobClaim claim, AppliedChange change)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(change);
        Errors.AddRange(change.Change.Errors);
        ConflictErrors += change.Change.Errors.Count;
        if (change.Change.Owned)
        {
            Inventory.Add(claim.InventoryEntry);
        }

        if (change.Change.Conflicted)
        {
            Conflicts.Add(claim.InventoryEntry);
        }

        if (change.Change.SpecChanged)
        {
            Touched.Add(claim.Key);
            Created += change.Created ? 1 : 0;
            Updated += change.Created ? 0 : 1;
        }
    }
}

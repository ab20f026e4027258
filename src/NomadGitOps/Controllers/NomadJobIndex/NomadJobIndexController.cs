using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// Makes the NomadJob objects match a GitRepository's job files at its current commit (DESIGN §2): creates, updates,
/// orphans or deletes the objects it made (<c>managed_by=index</c>), reports malformed files and conflicts on the
/// repository's <c>status_index_*</c> items, and triggers the NomadJob controller for every object it changed. A new
/// commit costs work for the files it changed: the run starts from the last index in this process (<see cref="IndexSnapshot"/>)
/// and reads, parses and decides only files whose blob differs. The writes are <see cref="IndexWriter"/>'s.
/// </summary>
internal sealed class NomadJobIndexController(
    ObjectStore store,
    GitCache git,
    JobFileParser parser,
    IReconcileTrigger trigger,
    ReconcileSkeleton skeleton,
    TimeProvider time,
    ILogger<NomadJobIndexController> logger) : IReconciler
{
    private readonly IndexMemory _memory = new();

    private readonly IndexInventory _inventory = new(store);

    private readonly IndexWriter _writer = new(store, time, logger);

    private readonly IndexFinish _finish = new(store, trigger, logger);

    // Failures in a row of each repository's index, for the retry time every Failed carries.
    private readonly FailuresInARow _failures = new();

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.NomadJobIndex;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.GitRepository;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var outcome = await IndexAsync(key, ct).ConfigureAwait(false);
        // The repository's status counts the GitRepository controller's failures; the index counts its own here.
        var failures = _failures.After(key, outcome);
        return outcome is ReconcileOutcome.Failed { RetryAfter: null } failed ? skeleton.WithRetry(failed, failures) : outcome;
    }

    // Load, guards (suspended, then invalid), the steps on the shared runner, one status write, then the triggers.
    private async Task<ReconcileOutcome> IndexAsync(ObjectKey key, CancellationToken ct)
    {
        ReconcileOutcome? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct).ConfigureAwait(false);
        if (loadFailed is not null)
        {
            return loadFailed;
        }

        if (stored is null)
        {
            _memory.Forget(key);
            return await _writer.RetireRepositoryAsync(key, retired => trigger.Trigger(ControllerName.NomadJob, retired), ct).ConfigureAwait(false);
        }

        var previous = ItemCodec.DecodeRepositoryIndexStatus(stored.Items);
        var parsed = GitRepositorySpec.Parse(stored.Items);
        if (ReconcileSkeleton.IsSuspended(stored.Items))
        {
            return new ReconcileOutcome.UpToDate($"{key} is suspended: remove its suspend item to index it again.", Reasons.Suspended);
        }

        if (parsed.Spec is not { } spec || !parsed.IsValid)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec, $"{key} has an invalid spec, so its job files are not indexed: {parsed.Describe()}");
        }

        if (stored.Items.GetValueOrDefault(ItemKeys.StatusCurrentCommit) is not { Length: > 0 } commit)
        {
            return new ReconcileOutcome.Waiting(Reasons.DependencyNotReady, $"{key} has no commit yet; it is indexed once the repository is fetched.", spec.Interval);
        }

        var fingerprint = IndexMemory.Fingerprint(commit, stored.Items);
        if (_memory.IsIndexed(key, previous, commit, fingerprint))
        {
            return new ReconcileOutcome.UpToDate($"{key} is indexed at commit {commit[..Math.Min(12, commit.Length)]}.");
        }

        var last = _memory.Last(key);
        var run = new NomadJobIndexRun(key, spec, commit, previous) { Snapshot = store.AnswersFromCache && last?.CanStart(spec, previous) == true ? last : null };
        var outcome = await ReconcileSkeleton.RunAsync(run, $"{key}: indexing commit {commit}", Reasons.IndexFailed,
            [ListJobFiles, LoadInventory, ReadJobIds, ApplyClaims, RetireVanished, WithdrawConflicts], ct).ConfigureAwait(false) as ReconcileOutcome
            ?? IndexStatusSummary.Outcome(run);
        if (outcome is not (ReconcileOutcome.Failed or ReconcileOutcome.Waiting))
        {
            run.Touched.AddRange(IndexSnapshot.ChangedJobs(last, run));
            _memory.Ran(run, outcome);
        }

        return await _finish.WriteAsync(stored, run, outcome, () => _memory.Indexed(key, fingerprint), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The NomadJobs this repository's index made before: those of the last index when the run starts from it, else
    /// from the status and the objects (<see cref="IndexInventory"/>).
    /// </summary>
    private async Task<StepResult> LoadInventory(NomadJobIndexRun run, CancellationToken ct)
    {
        run.PreviousJobs = run.Snapshot is { } snapshot
            ? snapshot.Inventory
            : (await _inventory.PreviousAsync(run.Key, run.Previous, ct).ConfigureAwait(false)).Jobs;
        return StepResult.Continue;
    }

    /// <summary>
    /// Lists the job files under <c>path</c> matching <c>include</c>/<c>exclude</c>, reads the var files, and reads the job
    /// files: all of them, or when starting from the last index with the same var files, those whose blob changed.
    /// </summary>
    private async Task<StepResult> ListJobFiles(NomadJobIndexRun run, CancellationToken ct)
    {
        var artifact = git.Open(GitUrl.Parse(run.Spec.Url), run.Commit, run.Spec.Timeout);
        run.Artifact = artifact;
        var selection = run.Spec.JobFiles;
        List<ArtifactFile> files;
        try
        {
            files = (await artifact.ListFilesAsync(run.Spec.Path, ct).ConfigureAwait(false))
                .Where(f => selection.Selects(f.Path))
                .ToList();
        }
        catch (RegexMatchTimeoutException e)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec, $"{run.Key}: {GitRepositorySpec.SlowPatternMessage(e)}");
        }

        run.Selected = files;
        var varFiles = new List<string>();
        foreach (var varFile in run.Spec.VarFiles)
        {
            try
            {
                varFiles.Add((await artifact.ReadFileAsync(varFile, ct).ConfigureAwait(false)).Text);
            }
            catch (GitException e) when (e.Kind == GitErrorKind.RefNotFound)
            {
                run.Errors.Add($"Var file {varFile} (item var_files) does not exist at this commit: add it or remove it from var_files.");
            }
        }

        run.VarFileSources = varFiles;
        run.RenderContext = IndexSnapshot.RenderContextOf(run.Spec, varFiles);
        if (run.Snapshot?.RenderContext != run.RenderContext || run.Errors.Count > 0)
        {
            run.Snapshot = null;
        }

        run.Changes = run.Snapshot is { } snapshot ? JobFileChanges.Between(snapshot.Blobs, files) : null;
        run.JobFiles = await artifact.ReadAsync(run.Changes?.Changed ?? files, ct).ConfigureAwait(false);
        return StepResult.Continue;
    }

    /// <summary>
    /// Finds the job ID and namespace of each file read; a malformed file is an error, the others go on. Unchanged
    /// files keep the job the last index found; only the objects their changes concern are decided on.
    /// </summary>
    private async Task<StepResult> ReadJobIds(NomadJobIndexRun run, CancellationToken ct)
    {
        var variables = new JobFileVariables(run.Spec.Variables, run.VarFileSources);
        foreach (var blob in run.JobFiles)
        {
            try
            {
                var job = await parser.IdentifyAsync(blob.File.Path, JobFileText.Of(blob), variables, run.Artifact, ct).ConfigureAwait(false);
                if (job.JobId.Contains(' ', StringComparison.Ordinal) || job.JobId.Contains('\0', StringComparison.Ordinal))
                {
                    run.UnreadableFiles.Add(blob.File.Path);
                    run.Errors.Add($"Job file {blob.File.Path} defines job \"{job.JobId}\"; Nomad job IDs hold no spaces or null characters: rename the job.");
                    continue;
                }

                var ns = job.Namespace ?? run.Spec.Namespace ?? NomadJobSpec.DefaultNamespace;
                run.Claims.Add(new JobClaim(blob.File.Path, job.JobId, ns));
            }
            catch (JobFileException e)
            {
                run.UnreadableFiles.Add(blob.File.Path);
                run.Errors.Add(e.Message);
            }
        }

        run.KeepUnchangedClaims();
        return StepResult.Continue;
    }

    /// <summary>
    /// Creates or updates the object of every claimed job, or notes the conflict on the object that keeps it. Starting
    /// from the last index, a file it saw unchanged whose object is still as it left it (one look-up in the object cache)
    /// is kept as it is first, with no sort and no decision, so a commit to a large repository costs work for the files
    /// it changed.
    /// </summary>
    private async Task<StepResult> ApplyClaims(NomadJobIndexRun run, CancellationToken ct)
    {
        var toDecide = run.Claims;
        if (run.Decide is { } decide)
        {
            var claimsPerJob = run.Claims.CountBy(c => c.Key).ToDictionary();
            toDecide = [];
            foreach (var claim in run.Claims)
            {
                if (!decide.Contains(claim.Key) && claimsPerJob[claim.Key] == 1
                    && IndexDecision.IsUnchanged(run.Repository, run.Spec.Prune, claim, (await store.ReadAsync(claim.Key, ct).ConfigureAwait(false))?.Items))
                {
                    run.Inventory.Add(claim.InventoryEntry);
                }
                else
                {
                    toDecide.Add(claim);
                }
            }
        }

        foreach (var group in toDecide.GroupBy(c => c.Key).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var claims = group.OrderBy(c => c.File, StringComparer.Ordinal).ToList();
            var change = await _writer.WriteAsync(group.Key, existing => IndexDecision.For(run.Repository, run.Spec.Prune, claims, existing, time.GetUtcNow()), ct)
                .ConfigureAwait(false);
            if (change is null)
            {
                return WriteConflict(run, group.Key);
            }

            run.Record(claims[0], change);
        }

        return StepResult.Continue;
    }

    /// <summary>For objects in the previous inventory whose file vanished: delete them (prune) or mark them orphaned.</summary>
    private async Task<StepResult> RetireVanished(NomadJobIndexRun run, CancellationToken ct)
    {
        foreach (var entry in run.PreviousJobs.Where(j => !run.Inventory.Contains(j)))
        {
            if (InventoryKey(entry) is not { } key)
            {
                continue;
            }

            var retired = await _writer.RetireAsync(run.Key, key, items => items.GetValueOrDefault(ItemKeys.File) is { } file && run.UnreadableFiles.Contains(file), ct)
                .ConfigureAwait(false);
            switch (retired)
            {
                case Retirement.Kept:
                    run.Inventory.Add(entry);
                    break;
                case Retirement.Deleted:
                    run.Deleted++;
                    run.Touched.Add(key);
                    break;
                case Retirement.Orphaned:
                    run.Orphaned++;
                    run.Touched.Add(key);
                    break;
                case Retirement.Conflict:
                    return WriteConflict(run, key);
            }
        }

        return StepResult.Continue;
    }

    /// <summary>Removes this repository's conflict notes from objects it no longer claims.</summary>
    private async Task<StepResult> WithdrawConflicts(NomadJobIndexRun run, CancellationToken ct)
    {
        foreach (var entry in (run.Previous.Conflicts ?? []).Where(c => !run.Conflicts.Contains(c)))
        {
            if (InventoryKey(entry) is not { } key)
            {
                continue;
            }

            var written = await _writer.WriteAsync(key, existing => existing is null
                ? null
                : new ObjectChange(IndexDecision.Withdraw(run.Repository, existing), false, false, false, []), ct).ConfigureAwait(false);
            if (written is null && await store.ReadAsync(key, ct).ConfigureAwait(false) is not null)
            {
                return WriteConflict(run, key);
            }
        }

        return StepResult.Continue;
    }

    private static ReconcileOutcome.Failed WriteConflict(NomadJobIndexRun run, ObjectKey key) =>
        new(Reasons.IndexFailed, $"{run.Key}: {key} changed {IndexWriter.MaxWriteAttempts} times while the index wrote it; trying again later.");

    private static ObjectKey? InventoryKey(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < entry.Length - 1 ? ObjectKey.NomadJob(entry[..slash], entry[(slash + 1)..]) : null;
    }

}

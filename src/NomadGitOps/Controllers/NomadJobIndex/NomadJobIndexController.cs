using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// Makes the NomadJob objects match a GitRepository's job files at its current commit (DESIGN §2): creates, updates,
/// orphans or deletes the objects it made (<c>managed_by=index</c>), reports malformed files and conflicts on the
/// repository's <c>status_index_*</c> items, and triggers the NomadJob controller for every object it changed.
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
    private const int MaxWriteAttempts = 5;

    // What each repository was last indexed at ("<commit> <spec hash>"), so an unchanged repository costs one read.
    private readonly ConcurrentDictionary<ObjectKey, string> _indexed = new();

    // The job files' blobs at the last index of each repository, so a new commit wakes only the NomadJobs whose file changed.
    private readonly ConcurrentDictionary<ObjectKey, IndexedFiles> _files = new();

    private readonly IndexInventory _inventory = new(store);

    // Failures in a row of each repository's index, for the retry time every Failed carries.
    private readonly ConcurrentDictionary<ObjectKey, int> _failures = new();

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.NomadJobIndex;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.GitRepository;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var outcome = await IndexAsync(key, ct).ConfigureAwait(false);
        if (outcome is not ReconcileOutcome.Failed failed)
        {
            _failures.TryRemove(key, out _);
            return outcome;
        }

        // The repository's status counts the GitRepository controller's failures; the index counts its own here.
        var failures = _failures.AddOrUpdate(key, 1, (_, n) => n + 1);
        return failed.RetryAfter is null ? skeleton.WithRetry(failed, failures) : failed;
    }

    // Load, guards (suspended, then invalid), the steps on the shared runner, one status write.
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
            _indexed.TryRemove(key, out _);
            _files.TryRemove(key, out _);
            return await RetireRepositoryAsync(key, ct).ConfigureAwait(false);
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

        var fingerprint = $"{commit} {SpecHash.Of(stored.Items)}";
        if (previous.IndexedCommit == commit && previous.Errors is null && _indexed.TryGetValue(key, out var last) && last == fingerprint)
        {
            return new ReconcileOutcome.UpToDate($"{key} is indexed at commit {commit[..Math.Min(12, commit.Length)]}.");
        }

        var run = new NomadJobIndexRun(key, spec, commit, previous);
        var outcome = await ReconcileSkeleton.RunAsync(run, $"{key}: indexing commit {commit}", Reasons.IndexFailed,
            [LoadInventory, ListJobFiles, ReadJobIds, ApplyClaims, RetireVanished, WithdrawConflicts], ct).ConfigureAwait(false) as ReconcileOutcome
            ?? IndexStatusSummary.Outcome(run);
        if (outcome is not (ReconcileOutcome.Failed or ReconcileOutcome.Waiting))
        {
            run.Touched.AddRange(ChangedFiles(run));
        }

        try
        {
            var next = IndexStatusSummary.For(previous, run, outcome);
            if (await store.WriteStatusAsync(stored, ItemCodec.Encode(next), ct).ConfigureAwait(false) == StatusWriteResult.Written
                && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Indexed {Repository} at {Commit}: {Jobs} job(s), {Errors} error(s)", key, commit, next.Jobs.Count, run.Errors.Count);
            }

            if (outcome is not (ReconcileOutcome.Failed or ReconcileOutcome.Waiting))
            {
                _indexed[key] = fingerprint;
            }
        }
        catch (VariableTooLargeException e)
        {
            // The inventory (status_index_jobs) outgrew the variable: the objects are written, so their jobs still go on.
            logger.LogError(e, "Status of {Repository} does not fit in its variable", key);
            outcome = new ReconcileOutcome.Stalled(Reasons.StatusTooLarge, $"{key}: the index's status does not fit in its variable ({e.Message}); its NomadJobs are kept up to date, but prune of vanished files needs a smaller repository or path.");
        }
        finally
        {
            // The objects written are queued even when the status write fails: the watcher leaves our own writes to us.
            foreach (var touched in run.Touched.Distinct())
            {
                trigger.Trigger(ControllerName.NomadJob, touched);
            }
        }

        return outcome;
    }

    /// <summary>
    /// The NomadJobs whose file changed since the last index of this repository (all of them after a start, or when the
    /// repository's variables or var files changed): the others wait for their interval, so a commit costs work for what
    /// it changed. Other spec items (<c>reconcile_requested_at</c>, <c>interval</c>) change no job.
    /// </summary>
    private List<ObjectKey> ChangedFiles(NomadJobIndexRun run)
    {
        var blobs = run.JobFiles.ToDictionary(b => b.File.Path, b => b.File.BlobId, StringComparer.Ordinal);
        var context = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            (run.Spec.Variables ?? "") + "\0" + string.Join("\0", run.Spec.VarFiles) + "\0" + string.Join("\0", run.VarFileSources))));
        var last = _files.GetValueOrDefault(run.Key);
        _files[run.Key] = new IndexedFiles(context, blobs);
        return run.Claims
            .Where(c => run.Inventory.Contains(c.InventoryEntry))
            .Where(c => last is null || last.Context != context || last.Blobs.GetValueOrDefault(c.File) != blobs.GetValueOrDefault(c.File))
            .Select(c => c.Key)
            .ToList();
    }

    /// <summary>The NomadJobs this repository's index made before, from its status and the objects (<see cref="IndexInventory"/>).</summary>
    private async Task<StepResult> LoadInventory(NomadJobIndexRun run, CancellationToken ct)
    {
        run.PreviousJobs = (await _inventory.PreviousAsync(run.Key, run.Previous, ct).ConfigureAwait(false)).Jobs;
        return StepResult.Continue;
    }

    /// <summary>Lists the job files under <c>path</c> matching <c>include</c>/<c>exclude</c> and reads them and the var files.</summary>
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

        run.JobFiles = await artifact.ReadAsync(files, ct).ConfigureAwait(false);

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
        return StepResult.Continue;
    }

    /// <summary>Finds each job file's job ID and namespace; a malformed file is an error, the others go on.</summary>
    private async Task<StepResult> ReadJobIds(NomadJobIndexRun run, CancellationToken ct)
    {
        var variables = new JobFileVariables(run.Spec.Variables, run.VarFileSources);
        foreach (var blob in run.JobFiles)
        {
            try
            {
                var job = await parser.ParseAsync(blob.File.Path, JobFileText.Of(blob), variables, run.Artifact, ct).ConfigureAwait(false);
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

        return StepResult.Continue;
    }

    /// <summary>Creates or updates the object of every claimed job, or notes the conflict on the object that keeps it.</summary>
    private async Task<StepResult> ApplyClaims(NomadJobIndexRun run, CancellationToken ct)
    {
        var byKey = run.Claims.GroupBy(c => c.Key).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal);
        foreach (var group in byKey)
        {
            var claims = group.OrderBy(c => c.File, StringComparer.Ordinal).ToList();
            var change = await WriteAsync(group.Key, existing => IndexDecision.For(run.Repository, run.Spec.Prune, claims, existing, time.GetUtcNow()), ct)
                .ConfigureAwait(false);
            if (change is null)
            {
                return WriteConflict(run, group.Key);
            }

            run.Errors.AddRange(change.Change.Errors);
            run.ConflictErrors += change.Change.Errors.Count;
            if (change.Change.Owned)
            {
                run.Inventory.Add(claims[0].InventoryEntry);
            }

            if (change.Change.Conflicted)
            {
                run.Conflicts.Add(claims[0].InventoryEntry);
            }

            if (change.Change.SpecChanged)
            {
                run.Touched.Add(group.Key);
                if (change.Created)
                {
                    run.Created++;
                }
                else
                {
                    run.Updated++;
                }
            }
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

            var retired = await RetireAsync(run.Key, key, items => items.GetValueOrDefault(ItemKeys.File) is { } file && run.UnreadableFiles.Contains(file), ct)
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

    /// <summary>
    /// The last reconcile of a deleted GitRepository: every NomadJob the index made for it is retired as if its file
    /// had vanished (deleted when its <c>prune</c> is true, so the NomadJob controller deregisters the job; else marked
    /// orphaned and left running), and the NomadJob controller is triggered for each.
    /// </summary>
    private async Task<ReconcileOutcome> RetireRepositoryAsync(ObjectKey repository, CancellationToken ct)
    {
        var (objects, _) = await store.ListAsync(ObjectKind.NomadJob, waitIndex: null, wait: null, ct).ConfigureAwait(false);
        int deleted = 0, orphaned = 0;
        foreach (var (key, _) in objects)
        {
            var retired = await RetireAsync(repository, key, _ => false, ct).ConfigureAwait(false);
            if (retired is Retirement.Deleted or Retirement.Orphaned)
            {
                deleted += retired == Retirement.Deleted ? 1 : 0;
                orphaned += retired == Retirement.Orphaned ? 1 : 0;
                trigger.Trigger(ControllerName.NomadJob, key);
            }
            else if (retired == Retirement.Conflict)
            {
                return new ReconcileOutcome.Failed(Reasons.IndexFailed, $"{repository} was deleted; retiring {key} met {MaxWriteAttempts} concurrent writes in a row and is retried.");
            }
        }

        return new ReconcileOutcome.UpToDate(deleted + orphaned == 0
            ? $"{repository} no longer exists."
            : $"{repository} no longer exists: {deleted} NomadJob(s) it made deleted (prune), {orphaned} orphaned.");
    }

    /// <summary>
    /// Deletes (its <c>prune</c> is true) or orphans the NomadJob <paramref name="key"/> when the index made it for
    /// <paramref name="repository"/>, with compare-and-set retries; <paramref name="keep"/> spares an object.
    /// </summary>
    private async Task<Retirement> RetireAsync(
        ObjectKey repository, ObjectKey key, Func<IReadOnlyDictionary<string, string>, bool> keep, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var stored = await store.ReadAsync(key, ct).ConfigureAwait(false);
            if (stored is null || !IndexDecision.IsOwnedBy(repository.Name, stored.Items))
            {
                return Retirement.NotOurs;
            }

            if (keep(stored.Items))
            {
                return Retirement.Kept;
            }

            if (stored.Items.GetValueOrDefault(ItemKeys.Prune) == "true")
            {
                if (await store.DeleteAsync(key, stored.ModifyIndex, ct).ConfigureAwait(false))
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Deleted {Object}: its file vanished from {Repository} and prune is on", key, repository);
                    }

                    return Retirement.Deleted;
                }
            }
            else if (stored.Items.ContainsKey(ItemKeys.StatusOrphanedAt))
            {
                return Retirement.NotOurs;
            }
            else
            {
                var items = new Dictionary<string, string>(stored.Items, StringComparer.Ordinal)
                {
                    [ItemKeys.StatusOrphanedAt] = ItemCodec.FormatTime(time.GetUtcNow())!,
                };
                if (await store.ReplaceAsync(key, items, stored.ModifyIndex, ct).ConfigureAwait(false))
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Orphaned {Object}: its file vanished from {Repository} and prune is off", key, repository);
                    }

                    return Retirement.Orphaned;
                }
            }
        }

        return Retirement.Conflict;
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

            var written = await WriteAsync(key, existing => existing is null
                ? null
                : new ObjectChange(IndexDecision.Withdraw(run.Repository, existing), false, false, false, []), ct).ConfigureAwait(false);
            if (written is null && await store.ReadAsync(key, ct).ConfigureAwait(false) is not null)
            {
                return WriteConflict(run, key);
            }
        }

        return StepResult.Continue;
    }

    /// <summary>
    /// Reads the object, decides, and writes with CAS (create with cas=0); on a concurrent write, reads and decides
    /// again. Null when the object kept changing (or, for a decision that needs an object, is gone).
    /// </summary>
    private async Task<AppliedChange?> WriteAsync(ObjectKey key, Func<IReadOnlyDictionary<string, string>?, ObjectChange?> decide, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var stored = await store.ReadAsync(key, ct).ConfigureAwait(false);
            if (decide(stored?.Items) is not { } change)
            {
                return null;
            }

            if (change.Items is null)
            {
                return new AppliedChange(change, Created: false);
            }

            var written = stored is null
                ? await store.CreateAsync(key, change.Items, ct).ConfigureAwait(false)
                : await store.ReplaceAsync(key, change.Items, stored.ModifyIndex, ct).ConfigureAwait(false);
            if (written)
            {
                return new AppliedChange(change, Created: stored is null);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Object} changed while the index wrote it; deciding again", key);
            }
        }

        return null;
    }

    private static ReconcileOutcome.Failed WriteConflict(NomadJobIndexRun run, ObjectKey key) =>
        new(Reasons.IndexFailed, $"{run.Key}: {key} changed {MaxWriteAttempts} times while the index wrote it; trying again later.");

    private static ObjectKey? InventoryKey(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < entry.Length - 1 ? ObjectKey.NomadJob(entry[..slash], entry[(slash + 1)..]) : null;
    }

    /// <summary>What a repository's job files were at its last index: blob per path, and a hash of its spec and var files.</summary>
    private sealed record IndexedFiles(string Context, IReadOnlyDictionary<string, string> Blobs);

    /// <summary>A decision as written: whether the object was created.</summary>
    private sealed record AppliedChange(ObjectChange Change, bool Created);
}

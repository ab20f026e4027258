using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// The index's writes on NomadJob objects, each a compare-and-set loop: decide on the object as stored, write, and on
/// a concurrent write read and decide again (<see cref="MaxWriteAttempts"/> times). Used by the index's steps.
/// </summary>
internal sealed class IndexWriter(ObjectStore store, TimeProvider time, ILogger logger)
{
    /// <summary>How often one object is read, decided and written before the reconcile gives up and is retried.</summary>
    public const int MaxWriteAttempts = 5;

    /// <summary>
    /// Reads the object, decides, and writes with CAS (create with cas=0); on a concurrent write, reads and decides
    /// again. Null when the object kept changing (or, for a decision that needs an object, is gone).
    /// </summary>
    public async Task<AppliedChange?> WriteAsync(ObjectKey key, Func<IReadOnlyDictionary<string, string>?, ObjectChange?> decide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decide);
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

    /// <summary>
    /// Deletes (its <c>prune</c> is true) or orphans the NomadJob <paramref name="key"/> when the index made it for
    /// <paramref name="repository"/>, with compare-and-set retries; <paramref name="keep"/> spares an object.
    /// </summary>
    public async Task<Retirement> RetireAsync(
        ObjectKey repository, ObjectKey key, Func<IReadOnlyDictionary<string, string>, bool> keep, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(keep);
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

    /// <summary>
    /// The last reconcile of a deleted GitRepository: every NomadJob the index made for it is retired as if its file
    /// had vanished (deleted when its <c>prune</c> is true, so the NomadJob controller deregisters the job; else marked
    /// orphaned and left running); <paramref name="retired"/> is told each one, for the NomadJob controller's trigger. A
    /// Nomad failure is a <see cref="ReconcileOutcome.Failed"/> (retried with backoff), not an exception for the queue.
    /// </summary>
    public async Task<ReconcileOutcome> RetireRepositoryAsync(ObjectKey repository, Action<ObjectKey> retired, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(retired);
        try
        {
            var (objects, _) = await store.ListAsync(ObjectKind.NomadJob, waitIndex: null, wait: null, ct).ConfigureAwait(false);
            int deleted = 0, orphaned = 0;
            foreach (var (key, _) in objects)
            {
                var retirement = await RetireAsync(repository, key, _ => false, ct).ConfigureAwait(false);
                if (retirement is Retirement.Deleted or Retirement.Orphaned)
                {
                    deleted += retirement == Retirement.Deleted ? 1 : 0;
                    orphaned += retirement == Retirement.Orphaned ? 1 : 0;
                    retired(key);
                }
                else if (retirement == Retirement.Conflict)
                {
                    return new ReconcileOutcome.Failed(Reasons.IndexFailed, $"{repository} was deleted; retiring {key} met {MaxWriteAttempts} concurrent writes in a row and is retried.");
                }
            }

            return new ReconcileOutcome.UpToDate(deleted + orphaned == 0
                ? $"{repository} no longer exists."
                : $"{repository} no longer exists: {deleted} NomadJob(s) it made deleted (prune), {orphaned} orphaned.");
        }
        catch (Exception e) when ((e is NomadApiException or HttpRequestException) && !ct.IsCancellationRequested)
        {
            return new ReconcileOutcome.Failed(NomadFailure.Reason(e), $"{repository} was deleted, but the NomadJobs it made could not be retired: {e.Message}. Retrying with backoff.{NomadFailure.Advice(e)}", e);
        }
    }
}

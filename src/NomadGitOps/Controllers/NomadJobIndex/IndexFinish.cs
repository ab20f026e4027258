using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// The end of every index run: the repository's next <c>status_index_*</c> items written once, only if changed, then the
/// NomadJob controller triggered for every object the run touched, even when that write failed (the prefix watcher
/// leaves the controllers' own writes to them).
/// </summary>
internal sealed class IndexFinish(ObjectStore store, IReconcileTrigger trigger, ILogger logger)
{
    /// <summary>
    /// Writes the status <see cref="IndexStatusSummary.For"/> gives and triggers the touched NomadJobs; the outcome, or
    /// <see cref="Reasons.StatusTooLarge"/> when the status does not fit in the variable, or a <see cref="ReconcileOutcome.Failed"/>
    /// (<see cref="Reasons.NomadUnavailable"/>, retried with backoff) when Nomad refused the write. <paramref name="written"/> runs
    /// after a write (or none needed) of a run that went through.
    /// </summary>
    public async Task<ReconcileOutcome> WriteAsync(StoredObject stored, NomadJobIndexRun run, ReconcileOutcome outcome, Action written, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(written);
        try
        {
            var next = IndexStatusSummary.For(run.Previous, run, outcome);
            if (await store.WriteStatusAsync(stored, ItemCodec.Encode(next), ct).ConfigureAwait(false) == StatusWriteResult.Written
                && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Indexed {Repository} at {Commit}: {Jobs} job(s), {Errors} error(s)", run.Key, run.Commit, next.Jobs.Count, run.Errors.Count);
            }

            if (outcome is not (ReconcileOutcome.Failed or ReconcileOutcome.Waiting))
            {
                written();
            }

            return outcome;
        }
        catch (VariableTooLargeException e)
        {
            // The inventory (status_index_jobs) outgrew the variable: the objects are written, so their jobs still go on.
            logger.LogError(e, "Status of {Repository} does not fit in its variable", run.Key);
            return new ReconcileOutcome.Stalled(Reasons.StatusTooLarge, $"{run.Key}: the index's status does not fit in its variable ({e.Message}); its NomadJobs are kept up to date, but prune of vanished files needs a smaller repository or path.");
        }
        catch (Exception e) when ((e is NomadApiException or HttpRequestException) && !ct.IsCancellationRequested)
        {
            // As the skeleton's finish: a failed status write is a transient failure, not one for the queue's "failed unexpectedly".
            return new ReconcileOutcome.Failed(NomadFailure.Reason(e), $"{run.Key}: writing its index status to Nomad failed: {e.Message}. Retrying with backoff.{NomadFailure.Advice(e)}", e);
        }
        finally
        {
            foreach (var touched in run.Touched.Distinct())
            {
                trigger.Trigger(ControllerName.NomadJob, touched);
            }
        }
    }
}

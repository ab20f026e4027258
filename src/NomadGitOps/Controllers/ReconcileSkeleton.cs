using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers;

/// <summary>
/// The frame every controller's reconcile runs in (STYLE.md, "The reconciler"): load the object, check the guards
/// (suspended first, then invalid), run the steps in order until one ends the reconcile, and finish: a pure status
/// summary, one write only if it changed, then the next controller is triggered. Load and status-write failures and
/// Nomad, HTTP or git failures of a step are one policy for all: a <see cref="ReconcileOutcome.Failed"/> with its
/// retry time drawn from the one <see cref="Backoff"/>; every <c>Failed</c> leaves here carrying
/// <see cref="ReconcileOutcome.Failed.RetryAfter"/>. The transition is logged once, by the engine.
/// </summary>
internal sealed class ReconcileSkeleton(ObjectStore store, Backoff backoff, TimeProvider time)
{
    /// <summary>
    /// Reads <paramref name="key"/>; null when it does not exist. A Nomad or network failure is
    /// <paramref name="failed"/> (reason <see cref="Reasons.NomadUnavailable"/>, or <see cref="Reasons.AuthenticationFailed"/> when Nomad refused the token; retried after the first backoff delay).
    /// </summary>
    public async Task<StoredObject?> LoadAsync(ObjectKey key, Action<ReconcileOutcome.Failed> failed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(failed);
        try
        {
            return await store.ReadAsync(key, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            failed(new ReconcileOutcome.Failed(NomadFailure.Reason(e), $"{key} could not be read from Nomad: {e.Message}. Retrying with backoff.{NomadFailure.Advice(e)}", e)
            {
                RetryAfter = backoff.DelayAfter(1),
            });
            return null;
        }
    }

    /// <summary>
    /// <paramref name="failed"/> with its retry time, for a failure that has no status to record it (the object is gone):
    /// drawn after <paramref name="failures"/> failures in a row.
    /// </summary>
    public ReconcileOutcome.Failed WithRetry(ReconcileOutcome.Failed failed, int failures = 1)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return failed with { RetryAfter = backoff.DelayAfter(Math.Max(1, failures)) };
    }

    /// <summary>True when the object's item <c>suspend</c> is <c>true</c>: checked before the spec is validated, so even a broken spec can be parked.</summary>
    public static bool IsSuspended(IReadOnlyDictionary<string, string> items) =>
        items.TryGetValue(ItemKeys.Suspend, out var suspend) && suspend.Trim() == "true";

    /// <summary>
    /// Runs <paramref name="steps"/> in order and answers the first result that is not <see cref="StepResult.Continue"/>,
    /// or <c>Continue</c> when every step went on. A Nomad or network failure becomes
    /// <see cref="Reasons.NomadUnavailable"/> (<see cref="Reasons.AuthenticationFailed"/> for a refused token), a git failure <paramref name="gitReason"/>, both <c>Failed</c>.
    /// </summary>
    public static async Task<StepResult> RunAsync<TRun>(
        TRun run, string what, string gitReason, IEnumerable<Func<TRun, CancellationToken, Task<StepResult>>> steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            foreach (var step in steps)
            {
                var result = await step(run, ct).ConfigureAwait(false);
                if (!result.IsContinue)
                {
                    return result;
                }
            }

            return StepResult.Continue;
        }
        catch (Exception e) when ((e is NomadApiException or HttpRequestException) && !ct.IsCancellationRequested)
        {
            return new ReconcileOutcome.Failed(NomadFailure.Reason(e), $"{what}: {e.Message}{NomadFailure.Advice(e)}", e);
        }
        catch (GitException e)
        {
            return new ReconcileOutcome.Failed(gitReason, $"{what}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Ends a reconcile of <paramref name="stored"/>: draws the retry delay of a failure from the backoff (after
    /// <paramref name="previousFailures"/> before it), builds the status with <paramref name="summary"/> (pure: outcome and
    /// retry delay in, patch out), writes it only if it changed, then calls <paramref name="next"/> (the trigger of the next
    /// controller) when the object still exists. A status too large for its variable is <see cref="Reasons.StatusTooLarge"/>
    /// (stalled); a failed write is <see cref="Reasons.NomadUnavailable"/> (or AuthenticationFailed) with its retry time.
    /// </summary>
    public async Task<ReconcileOutcome> FinishAsync(
        StoredObject stored,
        ReconcileOutcome outcome,
        int previousFailures,
        Func<ReconcileOutcome, DateTimeOffset, TimeSpan, StatusPatch> summary,
        Action<ReconcileOutcome, StatusWriteResult>? next,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(summary);
        var failures = outcome.ConsecutiveFailures(previousFailures);
        var retryAfter = outcome is ReconcileOutcome.Failed ? backoff.DelayAfter(failures) : TimeSpan.Zero;
        StatusWriteResult written;
        try
        {
            written = await store.WriteStatusAsync(stored, summary(outcome, time.GetUtcNow(), retryAfter), ct).ConfigureAwait(false);
        }
        catch (VariableTooLargeException e)
        {
            return new ReconcileOutcome.Stalled(Reasons.StatusTooLarge,
                $"{stored.Key}: its status does not fit in Nomad's 64 KiB variable limit ({e.Message}). Shorten its spec items.");
        }
        catch (Exception e) when ((e is NomadApiException or HttpRequestException) && !ct.IsCancellationRequested)
        {
            return new ReconcileOutcome.Failed(NomadFailure.Reason(e), $"{stored.Key}: writing its status to Nomad failed: {e.Message}. Retrying with backoff.{NomadFailure.Advice(e)}", e)
            {
                RetryAfter = backoff.DelayAfter(failures + (outcome is ReconcileOutcome.Failed ? 0 : 1)),
            };
        }

        if (written == StatusWriteResult.Gone)
        {
            return new ReconcileOutcome.UpToDate($"{stored.Key} was deleted while it was reconciled; nothing was written.");
        }

        next?.Invoke(outcome, written);
        return outcome is ReconcileOutcome.Failed failed ? failed with { RetryAfter = retryAfter } : outcome;
    }
}

using Nomad.Client;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Controllers.Alert;

/// <summary>
/// Keeps each notification Alert's status: <c>status_ready</c>/<c>reason</c>/<c>message</c> from its spec and secret (an
/// unknown type, a bad URL, a missing secret or address say so there), and <c>status_last_sent_at</c> /
/// <c>status_last_error</c> from the <see cref="AlertDeliveryLog"/> (kept from the stored status after a restart). The
/// dispatcher queues an Alert here after each delivery. It runs on the <see cref="ReconcileSkeleton"/> as every
/// controller: load, guards (suspended, then invalid), the steps <c>ResolveTarget, CheckLastDelivery</c>, one pure
/// summary (<see cref="AlertStatus.For"/>), one write only if it changed; every <c>Failed</c> carries its retry time from
/// the one <c>Backoff</c>, drawn after its failures in a row (<see cref="FailuresInARow"/>: the status keeps no count);
/// the engine logs each transition once. Deliveries themselves are the <see cref="AlertDispatcher"/>'s.
/// </summary>
internal sealed class AlertController(
    ReconcileSkeleton skeleton,
    AlertSecrets secrets,
    AlertDeliveryLog deliveries) : IReconciler
{
    private readonly FailuresInARow failures = new();

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.Alert;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.Alert;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReconcileOutcome.Failed? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct).ConfigureAwait(false);
        if (loadFailed is not null)
        {
            return skeleton.WithRetry(loadFailed, failures.After(key, loadFailed));
        }

        if (stored is null)
        {
            failures.Forget(key);
            return new ReconcileOutcome.UpToDate($"Alert {key.Name} no longer exists.");
        }

        var run = AlertRun.Of(stored, deliveries.Find(key));
        var outcome = Guards(run)
            ?? await ReconcileSkeleton.RunAsync(run, $"Alert {key.Name}", Reasons.NomadUnavailable, [ResolveTarget, CheckLastDelivery], ct).ConfigureAwait(false) as ReconcileOutcome
            ?? Sends(run);
        var finished = await skeleton.FinishAsync(stored, outcome, failures.Before(key), (o, _, _) => AlertStatus.For(run, o).ToPatch(), next: null, ct).ConfigureAwait(false);
        failures.After(key, finished);
        return finished;
    }

    // Suspended first (even a broken or secretless alert can be parked), then invalid.
    private static ReconcileOutcome? Guards(AlertRun run)
    {
        var name = run.Key.Name;
        var parsed = AlertSpec.Parse(run.Stored.Items);
        if (ReconcileSkeleton.IsSuspended(run.Stored.Items) || parsed.Spec?.Suspend == true)
        {
            var scoped = parsed.Spec is { } valid ? $" ({Scope(valid)})" : "";
            return new ReconcileOutcome.UpToDate($"Alert {name} is suspended: nothing is sent until the item \"suspend\" is removed{scoped}.", Reasons.Suspended);
        }

        if (parsed.Spec is not { } spec)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec,
                $"Alert {name} has an invalid spec: {parsed.Describe()}. Fix the items (nomad var put) and it is checked at once.");
        }

        run.Spec = spec;
        return null;
    }

    // Where the alert delivers: its address, or its secret's (read from Nomad); a missing secret or address fails with a sentence.
    private async Task<StepResult> ResolveTarget(AlertRun run, CancellationToken ct)
    {
        var spec = run.Spec!;
        try
        {
            run.Target = await secrets.ResolveAsync(run.Key.Name, spec, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(NomadFailure.Reason(e),
                $"Alert {run.Key.Name}: reading the secret variable \"{spec.Secret}\" failed: {e.Message}. Retrying with backoff.{NomadFailure.Advice(e)}", e);
        }

        return run.Target.Problem is { } problem ? new ReconcileOutcome.Failed(Reasons.AuthenticationFailed, problem) : StepResult.Continue;
    }

    // The last delivery's failure, until one succeeds (the dispatcher sends the next event anyway).
    private static Task<StepResult> CheckLastDelivery(AlertRun run, CancellationToken ct)
    {
        if (run.LastError is not { } lastError)
        {
            return Task.FromResult<StepResult>(StepResult.Continue);
        }

        var spec = run.Spec!;
        return Task.FromResult<StepResult>(new ReconcileOutcome.Failed(Reasons.DeliveryFailed,
            $"Alert {run.Key.Name}: the last {spec.TypeName} notification to {Where(spec)} failed: {lastError}. The next event is sent anyway; check the URL and the receiver."));
    }

    private static ReconcileOutcome.UpToDate Sends(AlertRun run)
    {
        var spec = run.Spec!;
        var signed = run.Target?.SigningToken is null ? "" : ", signed with the secret's token";
        return new ReconcileOutcome.UpToDate($"Alert {run.Key.Name} sends {spec.TypeName} notifications to {Where(spec)}{signed} ({Scope(spec)}).");
    }

    private static string Where(AlertSpec spec) => spec.Secret is null ? "its address" : $"the address in \"{spec.Secret}\"";

    private static string Scope(AlertSpec spec) =>
        $"events: {string.Join(", ", spec.Events.Select(AlertEventNames.Of))}; repositories: {string.Join(", ", spec.Repositories)}; jobs: {string.Join(", ", spec.Jobs)}";
}

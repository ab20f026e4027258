using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.Alert;

/// <summary>
/// Keeps each notification Alert's status: <c>status_ready</c>/<c>reason</c>/<c>message</c> from its spec and secret (an
/// unknown type, a bad URL, a missing secret or address say so there), and <c>status_last_sent_at</c> /
/// <c>status_last_error</c> from the <see cref="AlertDeliveryLog"/> (kept from the stored status after a restart). The
/// dispatcher queues an Alert here after each delivery; one write, only when something changed. Deliveries themselves are
/// the <see cref="AlertDispatcher"/>'s.
/// </summary>
internal sealed class AlertController(
    ObjectStore store,
    AlertSecrets secrets,
    AlertDeliveryLog deliveries,
    ILogger<AlertController> logger) : IReconciler
{
    /// <inheritdoc/>
    public ControllerName Name => ControllerName.Alert;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.Alert;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        StoredObject? stored;
        try
        {
            stored = await store.ReadAsync(key, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(Reasons.NomadUnavailable, $"Alert {key.Name} could not be read from Nomad: {e.Message}", e);
        }

        if (stored is null)
        {
            return new ReconcileOutcome.UpToDate($"Alert {key.Name} no longer exists.");
        }

        var record = deliveries.Find(key);
        var lastSentAt = record?.LastSentAt is { } sent ? AlertPayload.Time(sent) : stored.Items.GetValueOrDefault(ItemKeys.StatusLastSentAt);
        var lastError = record is not null ? record.LastError : stored.Items.GetValueOrDefault(ItemKeys.StatusLastError);
        var outcome = await DecideAsync(stored, lastError, ct).ConfigureAwait(false);
        var status = new AlertStatus(outcome.Ready, outcome.Reason, outcome.Message, SpecHash.Of(stored.Items), lastSentAt, lastError);
        try
        {
            var written = await store.WriteStatusAsync(stored, status.ToPatch(), ct).ConfigureAwait(false);
            if (written == StatusWriteResult.Written && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Alert {Alert}: {Reason}: {Message}", key.Name, outcome.Reason, outcome.Message);
            }
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(Reasons.NomadUnavailable, $"The status of alert {key.Name} could not be written to Nomad: {e.Message}", e);
        }

        return outcome;
    }

    private async Task<ReconcileOutcome> DecideAsync(StoredObject stored, string? lastError, CancellationToken ct)
    {
        var name = stored.Key.Name;
        var parsed = AlertSpec.Parse(stored.Items);
        // Suspended first, then invalid, as every controller (issue 14 §3): even a broken or secretless alert can be parked.
        if (ReconcileSkeleton.IsSuspended(stored.Items) || parsed.Spec?.Suspend == true)
        {
            var scoped = parsed.Spec is { } valid ? $" ({Scope(valid)})" : "";
            return new ReconcileOutcome.UpToDate($"Alert {name} is suspended: nothing is sent until the item \"suspend\" is removed{scoped}.", Reasons.Suspended);
        }

        if (parsed.Spec is not { } spec)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec,
                $"Alert {name} has an invalid spec: {parsed.Describe()}. Fix the items (nomad var put) and it is checked at once.");
        }

        AlertTarget target;
        try
        {
            target = await secrets.ResolveAsync(name, spec, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(Reasons.NomadUnavailable, $"Alert {name}: reading the secret variable \"{spec.Secret}\" failed: {e.Message}", e);
        }

        if (target.Problem is { } problem)
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed, problem);
        }

        var scope = Scope(spec);
        var where = spec.Secret is null ? "its address" : $"the address in \"{spec.Secret}\"";
        var signed = target.SigningToken is null ? "" : ", signed with the secret's token";
        if (lastError is not null)
        {
            return new ReconcileOutcome.Failed(Reasons.DeliveryFailed,
                $"Alert {name}: the last {spec.TypeName} notification to {where} failed: {lastError}. The next event is sent anyway; check the URL and the receiver.");
        }

        return new ReconcileOutcome.UpToDate($"Alert {name} sends {spec.TypeName} notifications to {where}{signed} ({scope}).");
    }

    private static string Scope(AlertSpec spec) =>
        $"events: {string.Join(", ", spec.Events.Select(AlertEventNames.Of))}; repositories: {string.Join(", ", spec.Repositories)}; jobs: {string.Join(", ", spec.Jobs)}";
}

using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Notifications;

/// <summary>
/// Takes events off the <see cref="AlertQueue"/> one at a time (so an object's <c>failed</c> always goes out before its
/// <c>recovered</c>) and delivers each to every Alert in the object cache that reports it: valid, not suspended, naming the
/// event, and whose <c>repositories</c>/<c>jobs</c> filters take the object. The Alerts of one event are delivered at once,
/// each with its own retries; the outcome is recorded in the <see cref="AlertDeliveryLog"/> and the Alert controller is
/// asked to publish it. Runs beside the controllers in <c>run</c> and <c>dev</c>; nothing of it blocks a reconcile.
/// </summary>
internal sealed class AlertDispatcher(
    AlertQueue queue,
    AlertNotifier notifier,
    ObjectCache cache,
    AlertSecrets secrets,
    AlertSender sender,
    AlertDeliveryLog log,
    IReconcileTrigger trigger,
    AlertDispatchOptions options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    private long dispatched;

    /// <summary>Events taken off the queue and handled (delivered, failed, or reported by no Alert).</summary>
    public long Dispatched => Interlocked.Read(ref dispatched);

    /// <summary>The notifier feeding the queue (resolved with the dispatcher, so it follows the cache from the start).</summary>
    public AlertNotifier Notifier => notifier;

    /// <summary>Delivers events until <paramref name="ct"/> is cancelled; events still queued then are dropped.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var alertEvent in queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await DispatchAsync(alertEvent, ct).ConfigureAwait(false);
                Interlocked.Increment(ref dispatched);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        if (queue.Dropped > 0)
        {
            logger.LogWarning("{Dropped} notification events were dropped because the queue was full", queue.Dropped);
        }
    }

    /// <summary>Delivers <paramref name="alertEvent"/> to every Alert that reports it.</summary>
    public async Task DispatchAsync(AlertEvent alertEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        var deliveries = new List<Task>();
        foreach (var alert in cache.List(ObjectKind.Alert))
        {
            if (AlertSpec.Parse(alert.Items).Spec is { Suspend: false } spec && spec.Reports(alertEvent.Kind) && Covers(spec, alertEvent))
            {
                deliveries.Add(DeliverAsync(alert.Key, spec, alertEvent, ct));
            }
        }

        await Task.WhenAll(deliveries).ConfigureAwait(false);
    }

    private static bool Covers(AlertSpec spec, AlertEvent alertEvent) => alertEvent.Object.Kind switch
    {
        ObjectKind.GitRepository => spec.CoversRepository(alertEvent.Object.Name),
        ObjectKind.NomadJob => spec.CoversJob(alertEvent.Object.Namespace, alertEvent.Object.Name, alertEvent.Repository),
        _ => false,
    };

    private async Task DeliverAsync(ObjectKey alert, AlertSpec spec, AlertEvent alertEvent, CancellationToken ct)
    {
        var eventName = AlertEventNames.Of(alertEvent.Kind);
        string? error;
        try
        {
            var target = await secrets.ResolveAsync(alert.Name, spec, ct).ConfigureAwait(false);
            if (target.Address is { } address)
            {
                var body = AlertPayload.For(spec.Type, alertEvent, options.ControllerName);
                var result = await sender.SendAsync(address, body, target.SigningToken, ct).ConfigureAwait(false);
                error = result.Error;
            }
            else
            {
                error = target.Problem;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            error = $"the secret variable \"{spec.Secret}\" could not be read from Nomad: {e.Message}";
        }

        if (error is null)
        {
            log.Delivered(alert, time.GetUtcNow());
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Alert {Alert} sent {Event} of {Object} ({Type})", alert.Name, eventName, alertEvent.Object, spec.TypeName);
            }
        }
        else
        {
            log.Failed(alert, $"{eventName} of {alertEvent.Object}: {error}");
            logger.LogWarning("Alert {Alert} could not send {Event} of {Object}: {Error}", alert.Name, eventName, alertEvent.Object, error);
        }

        trigger.Trigger(ControllerName.Alert, alert);
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nomad.Client;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Server.Metrics;

/// <summary>
/// The one place that records metrics: instruments on the <c>NomadGitOps</c> meter of the container's
/// <see cref="IMeterFactory"/>, fed at the seams — the engine's outcomes (<see cref="IReconcileObserver"/>), the Nomad
/// client's attempts (<see cref="INomadRequestObserver"/>), git runs, webhook deliveries and dropped notification events. Names and units follow
/// Prometheus' conventions once exported (docs/observability.md lists them); every label has a bounded set of values.
/// </summary>
internal sealed class NomadGitOpsMetrics : IReconcileObserver, INomadRequestObserver
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "NomadGitOps";

    // Seconds: from a quick cached reconcile (5 ms) to a slow fetch or a blocking query (5 min).
    private static readonly IReadOnlyList<double> Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Histogram<double> reconcileDuration;
    private readonly Counter<long> reconciles;
    private readonly Histogram<double> gitDuration;
    private readonly Histogram<double> nomadDuration;
    private readonly Counter<long> webhookDeliveries;
    private readonly Counter<long> driftCorrections;
    private readonly Counter<long> jobRegistrations;
    private readonly Counter<long> notificationEventsDropped;

    /// <summary>Creates the instruments on the meter of <paramref name="meters"/>.</summary>
    public NomadGitOpsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets };
        reconcileDuration = Meter.CreateHistogram("nomad_gitops.reconcile.duration", "s", "How long a reconcile took, by controller and result.", advice: seconds);
        reconciles = Meter.CreateCounter<long>("nomad_gitops.reconcile", description: "Reconciles run, by controller and result (up_to_date, waiting, failed, stalled).");
        gitDuration = Meter.CreateHistogram("nomad_gitops.git.operation.duration", "s", "How long a git command took, by operation (ls-remote, fetch, archive…) and result.", advice: seconds);
        nomadDuration = Meter.CreateHistogram(
            "nomad_gitops.nomad.request.duration", "s", "How long an HTTP attempt to Nomad took, by method, endpoint (route template), status code and whether it was a blocking query.", advice: seconds);
        webhookDeliveries = Meter.CreateCounter<long>("nomad_gitops.webhook.deliveries", description: "Webhook deliveries answered, by receiver type and result.");
        driftCorrections = Meter.CreateCounter<long>("nomad_gitops.drift.corrections", description: "Jobs registered again because they had drifted from Git.");
        jobRegistrations = Meter.CreateCounter<long>("nomad_gitops.job.registrations", description: "Jobs registered with Nomad (successful POST /v1/jobs).");
        notificationEventsDropped = Meter.CreateCounter<long>(
            "nomad_gitops.notification.events.dropped", description: "Notification events dropped unsent because the notification queue was full (the oldest goes).");
    }

    /// <summary>The meter every instrument of nomad-gitops is on (the state gauges add theirs).</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Makes the counters without labels exist at 0, so <c>rate()</c> and alerts see them before the first event; called
    /// once a listener is attached (a measurement nobody listens to is dropped).
    /// </summary>
    public void StartCountersAtZero()
    {
        driftCorrections.Add(0);
        jobRegistrations.Add(0);
        notificationEventsDropped.Add(0);
    }

    /// <summary>The value of the <c>result</c> label of an outcome.</summary>
    public static string ResultOf(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.UpToDate => "up_to_date",
        ReconcileOutcome.Waiting => "waiting",
        ReconcileOutcome.Failed => "failed",
        _ => "stalled",
    };

    /// <inheritdoc/>
    public void Reconciled(ControllerName controller, ObjectKey key, ReconcileOutcome outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var tags = new TagList { { "controller", controller.ToString() }, { "result", ResultOf(outcome) } };
        reconcileDuration.Record(duration.TotalSeconds, tags);
        reconciles.Add(1, tags);
        if (outcome.Reason == Reasons.DriftCorrected)
        {
            driftCorrections.Add(1);
        }
    }

    /// <inheritdoc/>
    public void Completed(NomadRequestTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var status = timing.StatusCode is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        nomadDuration.Record(timing.Duration.TotalSeconds, new TagList
        {
            { "method", timing.Method },
            { "endpoint", timing.Endpoint },
            { "status_code", status },
            { "blocking", timing.Blocking ? "true" : "false" },
        });
        if (timing is { Method: "POST", Endpoint: "/v1/jobs", StatusCode: >= 200 and < 300 })
        {
            jobRegistrations.Add(1);
        }
    }

    /// <summary>A git command (<paramref name="operation"/> is its verb) ran for <paramref name="duration"/>.</summary>
    public void GitOperation(string operation, bool succeeded, TimeSpan duration) =>
        gitDuration.Record(duration.TotalSeconds, new TagList { { "op", operation }, { "result", succeeded ? "ok" : "error" } });

    /// <summary>A notification event was dropped unsent because the notification queue was full.</summary>
    public void NotificationEventDropped() => notificationEventsDropped.Add(1);

    /// <summary>
    /// A webhook delivery was answered with <paramref name="status"/>; <paramref name="type"/> is null when no receiver
    /// (or no valid one) matched its path.
    /// </summary>
    public void WebhookDelivery(ReceiverType? type, int status)
    {
        var result = status switch
        {
            >= 200 and < 300 => "accepted",
            400 => "bad_request",
            401 => "unauthorized",
            404 => "not_found",
            405 => "method_not_allowed",
            408 => "timeout",
            413 => "too_large",
            503 => "unavailable",
            _ => "error",
        };
        webhookDeliveries.Add(1, new TagList { { "receiver_type", type?.ToString().ToLowerInvariant() ?? "unknown" }, { "result", result } });
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NomadGitOps.Controllers.Alert;
using NomadGitOps.Notifications;
using NomadGitOps.Objects;
using NomadGitOps.Server.Metrics;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Notifications;

/// <summary>The notification queue's overflow, as the metrics see it.</summary>
public sealed class AlertQueueTests
{
    [Fact]
    public void Each_event_dropped_by_a_full_queue_is_counted_in_the_dropped_events_counter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new NomadGitOpsMetrics(services.GetRequiredService<IMeterFactory>());

        Drops(metrics, new AlertQueue(new NotificationOptions { QueueCapacity = 2 }, metrics)).ShouldBe(3);
    }

    [Fact]
    public void The_queue_run_builds_counts_its_drops_in_the_metrics_run_registers()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(new NotificationOptions { QueueCapacity = 2 });
        collection.AddNomadGitOpsMetrics();
        collection.AddAlertController();
        using var services = collection.BuildServiceProvider();

        Drops(services.GetRequiredService<NomadGitOpsMetrics>(), services.GetRequiredService<AlertQueue>()).ShouldBe(3);
    }

    // Enqueues five events on a queue of two; answers what the counter of metrics recorded.
    private static long Drops(NomadGitOpsMetrics metrics, AlertQueue queue)
    {
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests build their own at the same time.
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == "nomad_gitops.notification.events.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        for (var i = 0; i < 5; i++)
        {
            queue.Enqueue(new AlertEvent(AlertEventKind.Failed, ObjectKey.NomadJob("default", $"job{i}"), "apps", Reasons.PlanFailed, "plan failed", null, ControllerHarness.Start));
        }

        queue.Dropped.ShouldBe(3);
        return Interlocked.Read(ref counted);
    }
}

using System.Diagnostics.Metrics;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Server.Metrics;

/// <summary>
/// Gauges read at scrape time from the controller's own state, never from Nomad: objects by kind and ready state (the
/// object cache, filled while leading), queue depth per controller (the term's queues), and whether this replica leads.
/// </summary>
internal sealed class StateGauges
{
    /// <summary>Registers the gauges on <paramref name="metrics"/>' meter.</summary>
    public StateGauges(NomadGitOpsMetrics metrics, ObjectCache objects, ControllerHost host, LeaderElection election, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.Meter.CreateObservableGauge("nomad_gitops.objects", () => Objects(objects), description: "Objects this controller holds, by kind and ready state (True, False, Unknown); empty on a standby replica.");
        metrics.Meter.CreateObservableGauge("nomad_gitops.queue.depth", () => QueueDepth(host), description: "Keys waiting in each controller's work queue (not counting those in hand or scheduled for later).");
        metrics.Meter.CreateObservableGauge(
            "nomad_gitops.leader", () => host.Current is not null && (!settings.LeaderElection || election.IsLeader) ? 1 : 0, description: "1 while this replica leads (acts), 0 while it stands by.");
    }

    private static IEnumerable<Measurement<long>> Objects(ObjectCache objects)
    {
        if (!objects.IsPrimed)
        {
            yield break;
        }

        foreach (var kind in Enum.GetValues<ObjectKind>())
        {
            var counts = objects.List(kind)
                .GroupBy(o => ItemCodec.ReadReady(o.Items))
                .ToDictionary(g => g.Key, g => (long)g.Count());
            foreach (var ready in Enum.GetValues<ReadyState>())
            {
                yield return new Measurement<long>(
                    counts.GetValueOrDefault(ready), new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("ready", ready.ToString()));
            }
        }
    }

    private static IEnumerable<Measurement<long>> QueueDepth(ControllerHost host)
    {
        if (host.Current is not { } queues)
        {
            yield break;
        }

        foreach (var controller in Enum.GetValues<ControllerName>())
        {
            if (queues.QueueOf(controller) is { } queue)
            {
                yield return new Measurement<long>(queue.WaitingCount, new KeyValuePair<string, object?>("controller", controller.ToString()));
            }
        }
    }
}

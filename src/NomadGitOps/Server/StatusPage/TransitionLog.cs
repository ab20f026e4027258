using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Server.StatusPage;

/// <summary>
/// The last transitions of each object (its ready state or reason changed), kept in memory from the engine's outcomes
/// since this process started leading: the history the <c>status_*</c> items, which hold only the latest, cannot show.
/// At most <see cref="PerObject"/> per object and <see cref="MaxObjects"/> objects (the least recently changed go first).
/// </summary>
internal sealed class TransitionLog(TimeProvider time) : IReconcileObserver
{
    /// <summary>Transitions kept per object.</summary>
    public const int PerObject = 10;

    /// <summary>Objects kept.</summary>
    public const int MaxObjects = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(ObjectKey Key, ControllerName Controller), LinkedList<Transition>> byObject = [];
    private long sequence;
    private readonly Dictionary<(ObjectKey Key, ControllerName Controller), long> lastChanged = [];

    /// <inheritdoc/>
    public void Reconciled(ControllerName controller, ObjectKey key, ReconcileOutcome outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var message = SecretRedactor.RedactUrls(outcome.Message);
        lock (gate)
        {
            if (!byObject.TryGetValue((key, controller), out var list))
            {
                if (byObject.Count >= MaxObjects)
                {
                    var oldest = lastChanged.MinBy(e => e.Value).Key;
                    byObject.Remove(oldest);
                    lastChanged.Remove(oldest);
                }

                list = new LinkedList<Transition>();
                byObject[(key, controller)] = list;
            }

            if (list.First?.Value is { } latest && latest.Ready == outcome.Ready && latest.Reason == outcome.Reason)
            {
                return;
            }

            list.AddFirst(new Transition(time.GetUtcNow(), controller.ToString(), outcome.Ready, outcome.Reason, message));
            if (list.Count > PerObject)
            {
                list.RemoveLast();
            }

            lastChanged[(key, controller)] = ++sequence;
        }
    }

    /// <summary>The transitions of <paramref name="key"/> by every controller that reconciles it, newest first.</summary>
    public IReadOnlyList<Transition> Of(ObjectKey key)
    {
        lock (gate)
        {
            return [.. byObject.Where(e => e.Key.Key == key).SelectMany(e => e.Value).OrderByDescending(t => t.At)];
        }
    }
}

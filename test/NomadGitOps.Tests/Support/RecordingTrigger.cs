using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Tests.Support;

/// <summary>An <see cref="IReconcileTrigger"/> that records what was triggered.</summary>
internal sealed class RecordingTrigger : IReconcileTrigger
{
    private readonly Lock _gate = new();
    private readonly List<(ControllerName Controller, ObjectKey Key)> _triggered = [];
    private readonly List<(ControllerName Controller, ObjectKey Key)> _behind = [];

    /// <summary>Everything triggered so far, in order.</summary>
    public IReadOnlyList<(ControllerName Controller, ObjectKey Key)> Triggered
    {
        get
        {
            lock (_gate)
            {
                return [.. _triggered];
            }
        }
    }

    /// <summary>Everything queued behind the triggered keys so far (<see cref="IReconcileTrigger.TriggerBehind"/>), in order.</summary>
    public IReadOnlyList<(ControllerName Controller, ObjectKey Key)> Behind
    {
        get
        {
            lock (_gate)
            {
                return [.. _behind];
            }
        }
    }

    /// <inheritdoc/>
    public void TriggerBehind(ControllerName controller, ObjectKey key)
    {
        lock (_gate)
        {
            _behind.Add((controller, key));
        }
    }

    /// <inheritdoc/>
    public void Trigger(ControllerName controller, ObjectKey key)
    {
        lock (_gate)
        {
            _triggered.Add((controller, key));
        }
    }

    /// <summary>Forgets what was triggered.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _triggered.Clear();
            _behind.Clear();
        }
    }
}

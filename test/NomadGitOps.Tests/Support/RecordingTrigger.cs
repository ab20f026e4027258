using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Support;

/// <summary>An <see cref="IReconcileTrigger"/> that records what was triggered.</summary>
internal sealed class RecordingTrigger : IReconcileTrigger
{
    private readonly Lock _gate = new();
    private readonly List<(ControllerName Controller, ObjectKey Key)> _triggered = [];

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
        }
    }
}

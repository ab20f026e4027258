using System.Collections.Concurrent;
using NomadGitOps.Controllers;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Controllers.GitRepository;

/// <summary>An <see cref="IReconcileTrigger"/> that records what was triggered, in order.</summary>
internal sealed class RecordingTrigger : IReconcileTrigger
{
    private readonly ConcurrentQueue<(ControllerName Controller, ObjectKey Key)> triggered = new();

    /// <summary>Every trigger so far.</summary>
    public IReadOnlyList<(ControllerName Controller, ObjectKey Key)> Triggered => [.. triggered];

    /// <inheritdoc/>
    public void Trigger(ControllerName controller, ObjectKey key) => triggered.Enqueue((controller, key));
}

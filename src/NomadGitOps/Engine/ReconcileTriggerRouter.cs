using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Engine;

/// <summary>
/// The <see cref="IReconcileTrigger"/> the controllers get from DI: it hands each trigger to whatever acts now (the
/// queues of the current leadership term, or a one-off run) and drops it when nothing acts (a replica standing by;
/// the next leader lists every object anyway).
/// </summary>
internal sealed class ReconcileTriggerRouter(ILogger<ReconcileTriggerRouter> logger) : IReconcileTrigger
{
    private volatile IReconcileTrigger? target;

    /// <summary>Routes triggers to <paramref name="acting"/> from now on.</summary>
    public void Attach(IReconcileTrigger acting) => target = acting;

    /// <summary>Stops routing to <paramref name="acting"/>, if it is still the one attached.</summary>
    public void Detach(IReconcileTrigger acting) => Interlocked.CompareExchange(ref target, null, acting);

    /// <inheritdoc/>
    public void Trigger(ControllerName controller, ObjectKey key) => Route(controller, key, behind: false);

    /// <inheritdoc/>
    public void TriggerBehind(ControllerName controller, ObjectKey key) => Route(controller, key, behind: true);

    private void Route(ControllerName controller, ObjectKey key, bool behind)
    {
        if (target is { } acting)
        {
            if (behind)
            {
                acting.TriggerBehind(controller, key);
            }
            else
            {
                acting.Trigger(controller, key);
            }
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Trigger of {Controller} for {Object} dropped: this replica is not acting", controller, key);
        }
    }
}

using Microsoft.Extensions.Logging;

namespace NomadGitOps.Engine;

/// <summary>
/// The controller-wide pause: <c>suspend=true</c> on the <c>&lt;prefix&gt;/controller</c> variable stops every
/// reconcile until the item or the variable is removed. The prefix watcher sets it; workers ask it before each
/// reconcile. Each transition is logged once, and <see cref="Resumed"/> tells the host to run what waited.
/// </summary>
internal sealed class ControllerPause(ILogger<ControllerPause> logger)
{
    private readonly Lock gate = new();
    private bool paused;

    /// <summary>Raised after the pause was lifted, so the keys held back can be queued again.</summary>
    public event Action? Resumed;

    /// <summary>True while <c>suspend=true</c> is set on the controller variable.</summary>
    public bool IsPaused
    {
        get
        {
            lock (gate)
            {
                return paused;
            }
        }
    }

    /// <summary>Records what the controller variable says now; logs and signals only on a change.</summary>
    public void Set(bool suspended, string controllerPath)
    {
        lock (gate)
        {
            if (paused == suspended)
            {
                return;
            }

            paused = suspended;
        }

        if (suspended)
        {
            logger.LogWarning("Controller paused: {Path} has suspend=true; no object is reconciled until it is removed", controllerPath);
        }
        else
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Controller resumed: {Path} no longer has suspend=true", controllerPath);
            }
            Resumed?.Invoke();
        }
    }

    /// <summary>True when the items of the controller variable ask for a pause: <c>suspend</c> is <c>true</c>, as on objects.</summary>
    public static bool IsSuspended(IReadOnlyDictionary<string, string>? items) =>
        items is not null
        && items.TryGetValue(Objects.ItemKeys.Suspend, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.Ordinal);
}

using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// The controller-wide pause: <c>suspend=true</c> on the <c>&lt;prefix&gt;/controller</c> variable stops every
/// reconcile until the item or the variable is removed. The prefix watcher sets it; workers ask it before each
/// reconcile and leave the keys it holds back; each transition is logged once, and <see cref="Resumed"/> hands the
/// held keys back when it is lifted.
/// </summary>
internal sealed class ControllerPause(ILogger<ControllerPause> logger)
{
    private readonly Lock gate = new();
    private readonly HashSet<(ControllerName Controller, ObjectKey Key)> held = [];
    private bool paused;

    /// <summary>Raised once the pause began.</summary>
    public event Action? Paused;

    /// <summary>Raised after the pause was lifted, with the keys held back meanwhile, to be queued again.</summary>
    public event Action<IReadOnlyList<(ControllerName Controller, ObjectKey Key)>>? Resumed;

    /// <summary>Raised when a reconcile is held back by the pause.</summary>
    public event Action<ControllerName, ObjectKey>? Held;

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

    /// <summary>True when the items of the controller variable ask for a pause: <c>suspend</c> is <c>true</c>, as on objects.</summary>
    public static bool IsSuspended(IReadOnlyDictionary<string, string>? items) =>
        items is not null
        && items.TryGetValue(ItemKeys.Suspend, out var value)
        && string.Equals(value.Trim(), "true", StringComparison.Ordinal);

    /// <summary>When paused, keeps <paramref name="key"/> of <paramref name="controller"/> for the resume and returns true; else false (go on).</summary>
    public bool TryHold(ControllerName controller, ObjectKey key)
    {
        lock (gate)
        {
            if (!paused)
            {
                return false;
            }

            held.Add((controller, key));
        }

        Held?.Invoke(controller, key);
        return true;
    }

    /// <summary>Records what the controller variable says now; logs and signals only on a change.</summary>
    public void Set(bool suspended, string controllerPath)
    {
        List<(ControllerName, ObjectKey)> release;
        lock (gate)
        {
            if (paused == suspended)
            {
                return;
            }

            paused = suspended;
            release = suspended ? [] : [.. held];
            held.Clear();
        }

        if (suspended)
        {
            logger.LogWarning("Controller paused: {Path} has suspend=true; no object is reconciled until it is removed", controllerPath);
            Paused?.Invoke();
        }
        else
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Controller resumed: {Path} no longer has suspend=true; {Count} held reconciles queued", controllerPath, release.Count);
            }

            Resumed?.Invoke(release);
        }
    }
}

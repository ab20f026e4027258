using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// What the watchers need to know: where the objects live, whose jobs are ours, how long a blocking query waits and
/// how soon the next one may follow, and the backoff of a failed pass. The engine builds it from its settings.
/// </summary>
internal sealed record WatchOptions
{
    /// <summary>The object prefix (without the trailing slash).</summary>
    public string Prefix { get; init; } = ObjectKey.DefaultPrefix;

    /// <summary>The namespace of the object variables.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The controller name the owned jobs' <c>gitops_managed_by</c> meta carries.</summary>
    public string ControllerName { get; init; } = "nomad-gitops";

    /// <summary>How long Nomad may hold one blocking query (<c>wait</c>).</summary>
    public TimeSpan WatchWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time between the starts of two passes of one watch (zero: none).</summary>
    public TimeSpan WatchSpacing { get; init; }

    /// <summary>The backoff between failed passes.</summary>
    public BackoffOptions Backoff { get; init; } = BackoffOptions.Default;
}

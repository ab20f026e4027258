using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Engine;

/// <summary>
/// One of the two blocking lists the <see cref="PrefixWatcher"/> follows the prefix with. The NomadJob objects (one per
/// job file, thousands in a monorepo) have a list of their own (<c>prefix=&lt;prefix&gt;/nomadjob/</c>); everything else
/// under the prefix (GitRepositories, Receivers, Alerts, the controller and leader variables) is listed by a second one
/// that leaves them out with a filter (<c>Path not matches "^&lt;prefix&gt;/nomadjob/"</c>, evaluated by Nomad's
/// paginator). So a <c>reconcile_requested_at</c> written on a GitRepository reaches the controller in a list of the
/// repositories, not in a list of every job of the cluster, and a NomadJob's status write does not make anybody
/// re-read the repositories.
/// </summary>
/// <param name="Name">What logs call it.</param>
/// <param name="ListPrefix">The <c>prefix</c> of the list.</param>
/// <param name="Filter">The list's <c>filter</c> expression, if any.</param>
/// <param name="JobsPrefix">The NomadJob kind prefix (<c>&lt;prefix&gt;/nomadjob/</c>).</param>
/// <param name="HoldsJobs">True for the list of NomadJob objects.</param>
internal sealed record PrefixWatchScope(string Name, string ListPrefix, string? Filter, string JobsPrefix, bool HoldsJobs)
{
    /// <summary>The two scopes of <paramref name="prefix"/>: the NomadJob objects, and everything else.</summary>
    public static IReadOnlyList<PrefixWatchScope> Of(string prefix)
    {
        var jobs = ObjectKey.KindPrefix(prefix, ObjectKind.NomadJob);

        // A valid prefix holds only letters, digits, '-', '_', '~' and '/' (ObjectKey.ValidatePrefix): no character of it
        // means anything in a regular expression or needs escaping in the filter's quoted string.
        return
        [
            new PrefixWatchScope(prefix + "/ (all but NomadJobs)", prefix + "/", $"Path not matches \"^{jobs}\"", jobs, HoldsJobs: false),
            new PrefixWatchScope(jobs, jobs, null, jobs, HoldsJobs: true),
        ];
    }

    /// <summary>True when the variable at <paramref name="path"/> is listed by this scope.</summary>
    public bool Holds(string path) => path.StartsWith(JobsPrefix, StringComparison.Ordinal) == HoldsJobs;

    /// <summary>The query of one list: blocking on <paramref name="index"/> after the first.</summary>
    public QueryOptions Query(string? @namespace, ulong index, TimeSpan wait) => new()
    {
        Namespace = @namespace,
        Prefix = ListPrefix,
        Filter = Filter,
        Index = index == 0 ? null : index,
        Wait = index == 0 ? null : wait,
    };
}

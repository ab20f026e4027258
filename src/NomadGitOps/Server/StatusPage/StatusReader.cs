using Nomad.Client;
using NomadGitOps.Cli;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Watches;

namespace NomadGitOps.Server.StatusPage;

/// <summary>
/// Builds what the status pages show from the controller's own state — the object cache the leader's watcher keeps, the
/// leader election, the pause, the transition log — and never asks Nomad: a page view costs no call. A standby replica
/// (or one that has not listed the objects yet) shows the header and says so.
/// </summary>
internal sealed class StatusReader(
    ObjectCache objects,
    LeaderElection election,
    ControllerHost host,
    ControllerPause pause,
    EngineSettings settings,
    NomadClient nomad,
    TransitionLog transitions,
    TimeProvider time)
{
    /// <summary>The header every page shows.</summary>
    public StatusHeader Header()
    {
        var leading = host.Current is not null && (!settings.LeaderElection || election.IsLeader);
        return new StatusHeader(
            settings.ControllerName,
            BuildInfo.Version,
            leading ? "leader" : "standby",
            SecretRedactor.RedactUrls(nomad.Options.Address),
            pause.IsPaused,
            leading && objects.IsPrimed,
            time.GetUtcNow());
    }

    /// <summary>The overview: every repository and job, failing first (then not ready yet, then ready), by name.</summary>
    public StatusOverview Overview()
    {
        var header = Header();
        if (!header.Watching)
        {
            return new StatusOverview(header, [], []);
        }

        var repositories = objects.List(ObjectKind.GitRepository).Select(Repository).OrderBy(r => Rank(r.Ready)).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var jobs = objects.List(ObjectKind.NomadJob).Select(Job).OrderBy(j => Rank(j.Ready)).ThenBy(j => j.Job, StringComparer.Ordinal).ToList();
        return new StatusOverview(header, repositories, jobs);
    }

    /// <summary>One object's page; null when this replica does not know it.</summary>
    public ObjectDetail? Detail(ObjectKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = Header();
        if (!header.Watching || objects.Find(key) is not { } found)
        {
            return null;
        }

        var items = found.Items;
        var status = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var spec = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in items)
        {
            if (name.StartsWith(ItemKeys.StatusPrefix, StringComparison.Ordinal))
            {
                status[name] = value;
            }
            else
            {
                spec[name] = SecretRedactor.RedactUrls(value);
            }
        }

        return new ObjectDetail(header, key.ToString(), ItemCodec.ReadReady(items), Get(items, ItemKeys.StatusReason), Get(items, ItemKeys.StatusMessage), status, spec, transitions.Of(key));
    }

    /// <summary>The path of <paramref name="key"/>'s page: <c>/objects/nomadjob/default/web</c>.</summary>
    public static string LinkOf(ObjectKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Kind == ObjectKind.NomadJob ? new[] { key.Namespace, key.Name } : [key.Name];
        var kind = key.ToString().Split('/')[0];
        return $"/objects/{kind}/" + string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static RepositoryRow Repository(StoredObject o)
    {
        var items = o.Items;
        var reference = new[] { ItemKeys.Branch, ItemKeys.Tag, ItemKeys.Semver, ItemKeys.Commit }
            .Where(k => !string.IsNullOrEmpty(Get(items, k)))
            .Select(k => $"{k} {items[k]}")
            .FirstOrDefault() ?? "branch main";
        return new RepositoryRow(
            o.Key.Name,
            SecretRedactor.RedactUrls(Get(items, ItemKeys.Url) ?? ""),
            reference,
            Get(items, ItemKeys.StatusCurrentCommit),
            Get(items, ItemKeys.StatusCommitMessage),
            ItemCodec.ReadReady(items),
            Get(items, ItemKeys.StatusReason),
            Get(items, ItemKeys.StatusMessage),
            Get(items, ItemKeys.StatusLastChangeAt),
            Get(items, ItemKeys.StatusNextAttemptAt),
            LinkOf(o.Key));
    }

    private static JobRow Job(StoredObject o)
    {
        var items = o.Items;
        var reason = Get(items, ItemKeys.StatusReason);
        return new JobRow(
            $"{o.Key.Namespace}/{o.Key.Name}",
            Get(items, ItemKeys.Repository),
            Get(items, ItemKeys.File),
            ItemCodec.ReadReady(items),
            reason,
            Get(items, ItemKeys.StatusMessage),
            Get(items, ItemKeys.StatusLastAppliedCommit),
            Get(items, ItemKeys.StatusJobVersion),
            Get(items, ItemKeys.StatusPlan),
            reason == Reasons.DriftCorrected,
            Get(items, ItemKeys.StatusDrift),
            Get(items, ItemKeys.StatusDeploymentStatus),
            Get(items, ItemKeys.StatusNextAttemptAt),
            LinkOf(o.Key));
    }

    private static string? Get(IReadOnlyDictionary<string, string> items, string key) =>
        items.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    // Failing first, then not known yet, then ready.
    private static int Rank(ReadyState ready) => ready switch
    {
        ReadyState.False => 0,
        ReadyState.Unknown => 1,
        _ => 2,
    };
}

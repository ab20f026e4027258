using Nomad.Client;

namespace NomadGitOps.Watches;

/// <summary>
/// The deployments of every job, as the <see cref="DeploymentWatcher"/>'s blocking list of deployments shows them (the
/// groups' progress left out). <see cref="IsCurrent"/> is true only while that watch works: then the NomadJob controller
/// learns the outcome of its release's deployment from here, with no Nomad call, and a status change of a deployment
/// wakes the NomadJob of its job. A failing watch or the end of a term makes it not current.
/// </summary>
internal sealed class DeploymentCache
{
    private readonly Lock gate = new();
    private Dictionary<(string Namespace, string JobId), List<Deployment>> jobs = [];
    private bool current;
    private ulong index;

    /// <summary>True while the watch of deployments is up: the cache shows every deployment as Nomad has it.</summary>
    public bool IsCurrent
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>The deployments table index of the last list (0 before the first).</summary>
    public ulong Index
    {
        get
        {
            lock (gate)
            {
                return index;
            }
        }
    }

    /// <summary>The deployments of job <paramref name="jobId"/> in <paramref name="ns"/>, newest first (as <c>GET /v1/job/:id/deployments</c>).</summary>
    public IReadOnlyList<Deployment> ForJob(string ns, string jobId)
    {
        lock (gate)
        {
            return jobs.TryGetValue((ns, jobId), out var list) ? [.. list] : [];
        }
    }

    /// <summary>
    /// Replaces the cache with one list of deployments; returns those a NomadJob must look at: a known deployment whose
    /// status changed, or a new one that is already final (successful, failed, cancelled).
    /// </summary>
    internal IReadOnlyList<Deployment> Apply(IReadOnlyList<Deployment> listed, ulong listIndex)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var changed = new List<Deployment>();
        var next = new Dictionary<(string, string), List<Deployment>>();
        lock (gate)
        {
            var known = jobs.Values.SelectMany(l => l).ToDictionary(d => d.ID, StringComparer.Ordinal);
            foreach (var deployment in listed)
            {
                var slim = deployment with { TaskGroups = null };
                if (known.TryGetValue(slim.ID, out var before) ? before.Status != slim.Status : slim.IsTerminal)
                {
                    changed.Add(slim);
                }

                var key = (slim.Namespace, slim.JobID);
                if (!next.TryGetValue(key, out var list))
                {
                    next[key] = list = [];
                }

                list.Add(slim);
            }

            foreach (var list in next.Values)
            {
                list.Sort((a, b) => b.CreateIndex.CompareTo(a.CreateIndex));
            }

            jobs = next;
            index = listIndex;
            current = true;
            return changed;
        }
    }

    /// <summary>The watch failed: until it works again, nobody may trust the cache.</summary>
    internal void Behind()
    {
        lock (gate)
        {
            current = false;
        }
    }

    /// <summary>Empties the cache (a term starts or ends).</summary>
    internal void Reset()
    {
        lock (gate)
        {
            current = false;
            index = 0;
            jobs = [];
        }
    }
}

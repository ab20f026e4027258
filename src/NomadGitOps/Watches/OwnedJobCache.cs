namespace NomadGitOps.Watches;

/// <summary>
/// The jobs this controller owns (job list stubs), kept by the <see cref="OwnedJobWatcher"/>'s blocking list and by the
/// NomadJob controller's own registers (with the JobModifyIndex Nomad answered, so our registers wake nothing).
/// <see cref="IsCurrent"/> is true only while that watch works: then a NomadJob whose applied JobModifyIndex equals the
/// cached one knows its job is untouched without asking Nomad. A failing watch or the end of a term makes it not current.
/// </summary>
internal sealed class OwnedJobCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Namespace, string Id), OwnedJob> jobs = [];
    private bool current;

    /// <summary>True while the watch of owned jobs is up: the cache shows every owned job as Nomad has it.</summary>
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

    /// <summary>How many owned jobs are cached.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    /// <summary>The owned job <paramref name="id"/> in <paramref name="ns"/>; null when not cached (not ours, or gone).</summary>
    public OwnedJob? Find(string ns, string id)
    {
        lock (gate)
        {
            return jobs.GetValueOrDefault((ns, id));
        }
    }

    /// <summary>Every owned job cached.</summary>
    public IReadOnlyList<OwnedJob> List()
    {
        lock (gate)
        {
            return [.. jobs.Values];
        }
    }

    /// <summary>The NomadJob controller registered <paramref name="job"/> (its JobModifyIndex as Nomad answered).</summary>
    public void Registered(OwnedJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            if (!jobs.TryGetValue((job.Namespace, job.Id), out var known) || known.JobModifyIndex <= job.JobModifyIndex)
            {
                jobs[(job.Namespace, job.Id)] = job;
            }
        }
    }

    /// <summary>
    /// Replaces the cache with one list of owned jobs; returns those that moved (new, or changed JobModifyIndex, stop
    /// flag or object meta) and those gone. A version a register of ours put here already is no move.
    /// </summary>
    /// <param name="listed">The jobs of the list.</param>
    /// <param name="listIndex">The list's index: a job missing from it but registered by us after it is not gone.</param>
    internal (IReadOnlyList<(OwnedJob Job, bool Appeared)> Moved, IReadOnlyList<OwnedJob> Gone) Apply(IReadOnlyList<OwnedJob> listed, ulong listIndex)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var moved = new List<(OwnedJob, bool)>();
        lock (gate)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var job in listed)
            {
                var id = (job.Namespace, job.Id);
                seen.Add(id);
                if (!jobs.TryGetValue(id, out var known))
                {
                    moved.Add((job, true));
                }
                else if (known.JobModifyIndex > job.JobModifyIndex)
                {
                    // A register of ours newer than this list: keep it, the next list shows it.
                    continue;
                }
                else if (job.MovedFrom(known))
                {
                    moved.Add((job, false));
                }

                jobs[id] = job;
            }

            var gone = jobs.Where(j => !seen.Contains(j.Key) && j.Value.JobModifyIndex <= listIndex).Select(j => j.Value).ToList();
            foreach (var job in gone)
            {
                jobs.Remove((job.Namespace, job.Id));
            }

            current = true;
            return (moved, gone);
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
            jobs.Clear();
        }
    }
}

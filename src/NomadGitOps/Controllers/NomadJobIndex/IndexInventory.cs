using NomadGitOps.Objects;

namespace NomadGitOps.Controllers.NomadJobIndex;

/// <summary>
/// The NomadJobs a repository's index made before this reconcile, which it retires when their file vanished. Every
/// such object names its repository and <c>managed_by=index</c>, so the objects themselves are the inventory: read
/// from the object cache while it answers (no Nomad call), and from Nomad when the recorded <c>status_index_jobs</c>
/// could not list them all (a repository of some 2,000+ jobs writes only their count). No single variable bounds it.
/// </summary>
internal sealed class IndexInventory(ObjectStore store)
{
    /// <summary>
    /// <paramref name="recorded"/> with <see cref="RepositoryIndexStatus.Jobs"/> completed by every NomadJob object owned
    /// by <paramref name="repository"/>; unchanged when the recorded list is complete and only Nomad could add to it.
    /// </summary>
    public async Task<RepositoryIndexStatus> PreviousAsync(ObjectKey repository, RepositoryIndexStatus recorded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.IsListed && !store.AnswersFromCache)
        {
            return recorded;
        }

        var jobs = new SortedSet<string>(recorded.Jobs, StringComparer.Ordinal);
        foreach (var stored in await store.ListObjectsAsync(ObjectKind.NomadJob, ct).ConfigureAwait(false))
        {
            if (IndexDecision.IsOwnedBy(repository.Name, stored.Items))
            {
                jobs.Add($"{stored.Key.Namespace}/{stored.Key.Name}");
            }
        }

        return recorded with { Jobs = [.. jobs] };
    }
}

using Nomad.Client;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;

namespace NomadGitOps.Cli;

/// <summary>
/// What <c>nomad-gitops diff</c> plans: every NomadJob of a GitRepository (or of all of them) at the repository's
/// <c>status_current_commit</c>. The repository is synced at that commit into this process's own git cache with the
/// credentials its <c>secret</c> names (as the GitRepository controller syncs it), each job is read, parsed and rendered
/// by the controller's <see cref="DesiredJobReader"/> (ownership meta for <paramref name="managedBy"/>, live counts kept
/// under <c>preserve_counts</c>), and planned with <c>POST /v1/job/:id/plan</c> and <c>Diff=true</c>. Nothing is
/// registered or written. A job that cannot be read or planned is an error of that job; the others are still planned.
/// </summary>
internal sealed class JobDiffPlanner(ObjectConnection connection, GitCache git, DesiredJobReader reader, string managedBy)
{
    /// <summary>Plans the jobs of <paramref name="repositoryName"/> (all repositories when null), in object order.</summary>
    public async Task<IReadOnlyList<JobDiffResult>> PlanAsync(string? repositoryName, CancellationToken ct)
    {
        IReadOnlyList<StoredObject> repositories;
        if (repositoryName is not null)
        {
            var key = ObjectKey.GitRepository(repositoryName);
            if (await connection.Store.ReadAsync(key, ct).ConfigureAwait(false) is not { } one)
            {
                return [new JobDiffResult(key, null, null, null, null, $"gitrepository/{repositoryName} does not exist: `nomad-gitops get repos` lists them.")];
            }

            repositories = [one];
        }
        else
        {
            repositories = await connection.Store.ListObjectsAsync(ObjectKind.GitRepository, ct).ConfigureAwait(false);
        }

        var jobs = await connection.Store.ListObjectsAsync(ObjectKind.NomadJob, ct).ConfigureAwait(false);
        var results = new List<JobDiffResult>();
        foreach (var repository in repositories.OrderBy(r => r.Key.Name, StringComparer.Ordinal))
        {
            var mine = jobs
                .Select(j => (Stored: j, Spec: NomadJobSpec.Parse(j.Items, j.Key)))
                .Where(j => j.Spec.Spec?.Repository == repository.Key.Name || (j.Spec.Spec is null && j.Stored.Items.GetValueOrDefault(ItemKeys.Repository) == repository.Key.Name))
                .OrderBy(j => j.Stored.Key.Namespace, StringComparer.Ordinal).ThenBy(j => j.Stored.Key.Name, StringComparer.Ordinal)
                .ToList();
            results.AddRange(await PlanRepositoryAsync(repository, mine, ct).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IEnumerable<JobDiffResult>> PlanRepositoryAsync(
        StoredObject repository, List<(StoredObject Stored, SpecParseResult<NomadJobSpec> Spec)> jobs, CancellationToken ct)
    {
        var name = repository.Key.Name;
        var parsed = GitRepositorySpec.Parse(repository.Items);
        if (parsed.Spec is not { } spec)
        {
            return [RepositoryError(repository, null, $"gitrepository/{name} is invalid: {parsed.Describe()}.")];
        }

        if (ItemCodec.DecodeGitRepositoryStatus(repository.Items).CurrentCommit is not { } commit)
        {
            return [RepositoryError(repository, null, $"gitrepository/{name} has no commit yet (status_current_commit): is `nomad-gitops run` running, and is the repository ready?")];
        }

        try
        {
            var credentials = await CredentialsAsync(spec, name, ct).ConfigureAwait(false);
            await git.SyncAsync(new GitSource(GitUrl.Parse(spec.Url), GitReference.Commit(commit), credentials, spec.Timeout), previousCommit: null, ct).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            return [RepositoryError(repository, commit, $"gitrepository/{name}: could not fetch commit {Short(commit)}: {e.Message}")];
        }
        catch (InvalidOperationException e)
        {
            return [RepositoryError(repository, commit, e.Message)];
        }

        var results = new List<JobDiffResult>();
        foreach (var (stored, jobSpec) in jobs)
        {
            results.Add(jobSpec.Spec is { } job
                ? await PlanJobAsync(stored.Key, spec, job, commit, ct).ConfigureAwait(false)
                : new JobDiffResult(stored.Key, null, stored.Items.GetValueOrDefault(ItemKeys.File), commit, null, $"{stored.Key} is invalid: {jobSpec.Describe()}."));
        }

        return results;
    }

    private async Task<GitCredentials> CredentialsAsync(GitRepositorySpec spec, string name, CancellationToken ct)
    {
        if (spec.Secret is not { } secret)
        {
            return GitCredentials.None;
        }

        var read = await connection.Nomad.Variables.ReadAsync(secret, new QueryOptions { Namespace = connection.Options.Namespace }, ct).ConfigureAwait(false);
        return read.Value is { } variable
            ? GitCredentials.FromSecretItems(variable.Items ?? new Dictionary<string, string>(StringComparer.Ordinal))
            : throw new InvalidOperationException($"gitrepository/{name}: its secret variable \"{secret}\" (namespace \"{connection.Options.Namespace}\") does not exist.");
    }

    private async Task<JobDiffResult> PlanJobAsync(ObjectKey key, GitRepositorySpec repository, NomadJobSpec spec, string commit, CancellationToken ct)
    {
        JobDiffResult Error(string message) => new(key, spec.JobId, spec.File, commit, null, $"{key}: {spec.File} at commit {Short(commit)}: {message}");
        try
        {
            var input = await reader.ReadAsync(repository, spec, commit, ct).ConfigureAwait(false);
            var parsed = await reader.ParseAsync(spec, input, ct).ConfigureAwait(false);
            if (parsed.JobId != spec.JobId)
            {
                return Error($"the file defines job \"{parsed.JobId}\", but the NomadJob names job \"{spec.JobId}\".");
            }

            var desired = DesiredJobReader.Render(parsed, spec, managedBy, key.ToPath(connection.Options.Prefix));
            if (spec.PreserveCounts)
            {
                var live = await connection.Nomad.Jobs.ReadAsync(spec.JobId, LiveJob.Query(spec), ct).ConfigureAwait(false);
                LiveJob.CopyLiveCounts(live.Value, desired);
            }

            var plan = await connection.Nomad.Jobs.PlanAsync(desired, diff: true, write: LiveJob.Write(spec), ct: ct).ConfigureAwait(false);
            return new JobDiffResult(key, spec.JobId, spec.File, commit, plan.Diff ?? new System.Text.Json.Nodes.JsonObject { ["Type"] = "None", ["ID"] = spec.JobId }, null);
        }
        catch (JobFileException e)
        {
            return Error(e.Message);
        }
        catch (GitException e)
        {
            return Error(e.Message);
        }
        catch (NomadApiException e)
        {
            return Error($"Nomad refused: {e.NomadMessage}");
        }
    }

    private static JobDiffResult RepositoryError(StoredObject repository, string? commit, string message) =>
        new(repository.Key, null, null, commit, null, message);

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}

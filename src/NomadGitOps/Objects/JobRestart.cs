using System.Globalization;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// <c>nomad-gitops restart job</c>: rolls a NomadJob's allocations without a Git change, as <c>nomad job restart</c>
/// does by default (command/job_restart.go): list the job's allocations, keep the running ones not yet replaced,
/// and restart each in place through the client's Restart Allocation endpoint, one at a time (its default batch
/// size of 1). The job is not registered again, so its version stays. The outcome is recorded on the object as
/// <c>status_last_restart_at</c> and <c>status_last_restart</c> (a CAS write that keeps every other item, so a
/// person's edit or the controller's status written meanwhile is not lost).
/// </summary>
internal sealed class JobRestart(NomadClient nomad, ObjectStore store, TimeProvider clock)
{
    private const int MaxConflictRetries = 10;

    /// <summary>Restarts the job of <paramref name="key"/> and records it.</summary>
    public async Task<JobRestartResult> RunAsync(ObjectKey key, CancellationToken ct)
    {
        if (await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } stored)
        {
            return new JobRestartResult(false, key.Name, key.Namespace, null, [],
                "", $"{key} does not exist: check the name, or list objects with 'nomad-gitops get jobs'.");
        }

        // The object's own job_id/namespace when its spec reads; the key's otherwise (they default to it).
        var spec = NomadJobSpec.Parse(stored.Items, key).Spec;
        var jobId = spec?.JobId ?? key.Name;
        var ns = spec?.Namespace ?? key.Namespace;
        var query = new QueryOptions { Namespace = ns };
        var job = (await nomad.Jobs.ReadAsync(jobId, query, ct).ConfigureAwait(false)).Value;
        if (job is null)
        {
            return new JobRestartResult(true, jobId, ns, null, [], "",
                $"job \"{jobId}\" is not in Nomad (namespace {ns}): nothing to restart; has the NomadJob been applied yet?");
        }

        var version = job["Version"]?.GetValue<ulong>() ?? 0;
        var allocations = (await nomad.Allocations.ForJobAsync(jobId, all: true, query, ct).ConfigureAwait(false)).Value;
        var restarted = new List<string>();
        foreach (var allocation in allocations.Where(a => a.IsRestartable))
        {
            await nomad.Allocations.RestartAsync(allocation.ID, write: new WriteOptions { Namespace = ns }, ct: ct).ConfigureAwait(false);
            restarted.Add(allocation.ID);
        }

        var at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = restarted.Count == 0
            ? $"no running allocations of job \"{jobId}\" (version {version}) to restart"
            : $"restarted {restarted.Count} allocation{(restarted.Count == 1 ? "" : "s")} of job \"{jobId}\" (version {version}) in place";
        return await RecordAsync(key, at, message, ct).ConfigureAwait(false)
            ? new JobRestartResult(true, jobId, ns, version, restarted, at, message)
            : new JobRestartResult(false, jobId, ns, version, restarted, "", $"{key} was deleted while its job restarted; {message}");
    }

    private async Task<bool> RecordAsync(ObjectKey key, string at, string message, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            if (await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } current)
            {
                return false;
            }

            var items = new Dictionary<string, string>(current.Items, StringComparer.Ordinal)
            {
                [ItemKeys.StatusLastRestartAt] = at,
                [ItemKeys.StatusLastRestart] = message,
            };
            if (await store.ReplaceAsync(key, items, current.ModifyIndex, ct, onBehalfOfPerson: true).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"{key.ToPath(store.Prefix)} changed {MaxConflictRetries} times in a row while recording the restart; the allocations were restarted.");
    }
}

using System.Globalization;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// <c>nomad-gitops restart job</c>: rolls a NomadJob's allocations without a Git change, as <c>nomad job restart</c>
/// does by default (command/job_restart.go): list the job's allocations, keep the running ones not yet replaced,
/// and restart each in place through the client's Restart Allocation endpoint, one at a time (its default batch
/// size of 1). <see cref="JobRestartOptions"/> carry its <c>-group</c> and <c>-task</c> filters and <c>-reschedule</c>,
/// which stops each allocation (<c>POST /v1/allocation/:id/stop</c>) so the scheduler places a new one, for batch and
/// service jobs as Nomad allows (system jobs would also need a forced evaluation: refused here). The job is not
/// registered again, so its version stays. The outcome is recorded on the object as
/// <c>status_last_restart_at</c> and <c>status_last_restart</c> (a CAS write that keeps every other item, so a
/// person's edit or the controller's status written meanwhile is not lost).
/// </summary>
internal sealed class JobRestart(NomadClient nomad, ObjectStore store, TimeProvider clock)
{
    private const int MaxConflictRetries = 10;

    /// <summary>Restarts the job of <paramref name="key"/> as <c>nomad job restart</c> does by default, and records it.</summary>
    public Task<JobRestartResult> RunAsync(ObjectKey key, CancellationToken ct) => RunAsync(key, JobRestartOptions.Default, ct);

    /// <summary>Restarts (or reschedules) the job of <paramref name="key"/> as <paramref name="options"/> say, and records it.</summary>
    public async Task<JobRestartResult> RunAsync(ObjectKey key, JobRestartOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
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
        var type = job["Type"]?.GetValue<string>() ?? "service";
        if (options.Reschedule && type is not ("batch" or "service"))
        {
            // command/job_restart.go allows batch, service and system; a system job's replacement needs a forced evaluation.
            var why = type == "system"
                ? "rescheduling a system job needs a forced evaluation, which nomad-gitops does not make yet: use 'nomad job restart -reschedule'"
                : $"jobs of type \"{type}\" are not allowed to be rescheduled (as in nomad job restart)";
            return new JobRestartResult(true, jobId, ns, version, [], "", $"job \"{jobId}\" was not rescheduled: {why}.", Refused: true);
        }

        var allocations = (await nomad.Allocations.ForJobAsync(jobId, all: true, query, ct).ConfigureAwait(false)).Value;
        var write = new WriteOptions { Namespace = ns };
        var restarted = new List<string>();
        foreach (var allocation in allocations.Where(a => Selected(a, options)))
        {
            if (options.Reschedule)
            {
                await nomad.Allocations.StopAsync(allocation.ID, write, ct).ConfigureAwait(false);
            }
            else if (options.Tasks.Count == 0)
            {
                await nomad.Allocations.RestartAsync(allocation.ID, write: write, ct: ct).ConfigureAwait(false);
            }
            else
            {
                foreach (var task in options.Tasks.Where(t => allocation.TaskStates?.ContainsKey(t) == true))
                {
                    await nomad.Allocations.RestartAsync(allocation.ID, task, write: write, ct: ct).ConfigureAwait(false);
                }
            }

            restarted.Add(allocation.ID);
        }

        var at = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var message = Describe(restarted.Count, jobId, version, options);
        return await RecordAsync(key, at, message, ct).ConfigureAwait(false)
            ? new JobRestartResult(true, jobId, ns, version, restarted, at, message)
            : new JobRestartResult(false, jobId, ns, version, restarted, "", $"{key} was deleted while its job restarted; {message}");
    }

    // command/job_restart.go filterAllocs: running and not replaced, of a requested group, having a requested task.
    private static bool Selected(AllocationListStub allocation, JobRestartOptions options) =>
        allocation.IsRestartable
        && (options.Groups.Count == 0 || options.Groups.Contains(allocation.TaskGroup, StringComparer.Ordinal))
        && (options.Tasks.Count == 0 || options.Tasks.Any(t => allocation.TaskStates?.ContainsKey(t) == true));

    private static string Describe(int count, string jobId, ulong version, JobRestartOptions options)
    {
        var scope = string.Join(", ", new[]
        {
            options.Groups.Count == 0 ? null : $"group {string.Join(", ", options.Groups)}",
            options.Tasks.Count == 0 ? null : $"task {string.Join(", ", options.Tasks)}",
        }.OfType<string>());
        var suffix = scope.Length == 0 ? "" : $"; {scope}";
        if (count == 0)
        {
            return $"no running allocations of job \"{jobId}\" (version {version}) to {(options.Reschedule ? "reschedule" : "restart")}{suffix}";
        }

        var allocations = $"{count} allocation{(count == 1 ? "" : "s")} of job \"{jobId}\" (version {version})";
        return options.Reschedule
            ? $"rescheduled {allocations}: stopped for the scheduler to replace{suffix}"
            : $"restarted {allocations} in place{suffix}";
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

using System.Text.Json.Nodes;
using Nomad.Emulator.Jobs;

namespace Nomad.Emulator.State;

/// <summary>
/// Jobs by namespace and ID, with every version, evaluations and deployments. Every method runs under
/// <see cref="EmulatorState.Sync"/>: writes inside <see cref="EmulatorState.Write{T}"/> with the index it allocated,
/// reads inside <see cref="EmulatorState.Read{T}"/>. Follows <c>nomad/job_endpoint.go</c> (<c>Register</c>,
/// <c>Deregister</c>) and <c>nomad/state/state_store.go</c> (<c>upsertJobImpl</c>); see docs/jobs-api.md.
/// </summary>
public sealed class JobsTable
{
    /// <summary>How many versions of a job Nomad keeps (<c>structs.JobDefaultTrackedVersions</c>).</summary>
    public const int TrackedVersions = 6;

    /// <summary>Meta key (job or group) that makes the emulator fail a deployment: <c>emulator_deployment = "fail"</c>.</summary>
    public const string DeploymentMetaKey = "emulator_deployment";

    private readonly SortedDictionary<(string Namespace, string ID), StoredJob> _jobs = new(KeyComparer.Instance);
    private readonly Dictionary<string, Evaluation> _evaluations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Deployment> _deployments = new(StringComparer.Ordinal);

    /// <summary>Index of the last write to the jobs table (and job summaries).</summary>
    public long JobsIndex { get; private set; }

    /// <summary>Index of the last write to the deployments table.</summary>
    public long DeploymentsIndex { get; private set; }

    /// <summary>Index of the last write to the evaluations table.</summary>
    public long EvaluationsIndex { get; private set; }

    /// <summary>The job, or null.</summary>
    public StoredJob? Get(string ns, string id) => _jobs.GetValueOrDefault((ns, id));

    /// <summary>Jobs sorted by namespace then ID, as Nomad's <c>jobs</c> table iterates; <c>*</c> means every namespace.</summary>
    public IReadOnlyList<StoredJob> List(string ns, string prefix) =>
        [.. _jobs.Values.Where(j => (ns == "*" || j.Namespace == ns) && j.ID.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>The evaluation, or null.</summary>
    public Evaluation? Evaluation(string id) => _evaluations.GetValueOrDefault(id);

    /// <summary>The deployment, or null.</summary>
    public Deployment? Deployment(string id) => _deployments.GetValueOrDefault(id);

    /// <summary>Deployments of a namespace (<c>*</c> for all) whose ID starts with the prefix, oldest first.</summary>
    public IReadOnlyList<Deployment> Deployments(string ns, string prefix) => SelectDeployments(_deployments.Values, ns, prefix);

    /// <summary>
    /// Every deployment as it is now, unsorted: references to immutable records, so a list can be filtered, sorted and
    /// encoded (<see cref="SelectDeployments"/>) after the state lock is let go, as Nomad answers reads from a snapshot.
    /// </summary>
    public Deployment[] DeploymentsSnapshot() => [.. _deployments.Values];

    /// <summary>Those of <paramref name="deployments"/> in <paramref name="ns"/> (or every namespace for <c>*</c>) whose ID starts with the prefix, oldest first.</summary>
    public static IReadOnlyList<Deployment> SelectDeployments(IEnumerable<Deployment> deployments, string ns, string prefix) =>
        [.. deployments
            .Where(d => (ns == "*" || d.Namespace == ns) && d.ID.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(d => d.CreateIndex)];

    /// <summary>Deployments of one job, newest first.</summary>
    public IReadOnlyList<Deployment> JobDeployments(string ns, string jobId) =>
        [.. _deployments.Values.Where(d => d.Namespace == ns && d.JobID == jobId).OrderByDescending(d => d.CreateIndex)];

    /// <summary>Evaluations of one job, newest first.</summary>
    public IReadOnlyList<Evaluation> JobEvaluations(string ns, string jobId) =>
        [.. _evaluations.Values.Where(e => e.Namespace == ns && e.JobID == jobId).OrderByDescending(e => e.CreateIndex)];

    /// <summary>
    /// Registers a job (<c>Job.Register</c>): enforce-index check, type transition checks, then either only an
    /// evaluation (spec unchanged) or a new version with its evaluation and, for service jobs, a deployment.
    /// </summary>
    public RegisterOutcome Register(JobRegistration request, long index, long now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = (JsonObject)request.Job.DeepClone();
        var id = job["ID"]!.GetValue<string>();
        job["Namespace"] = request.Namespace;
        var existing = Get(request.Namespace, id);

        if (request.EnforceIndex && EnforceIndexError(existing, request.JobModifyIndex) is { } enforceError)
        {
            return RegisterOutcome.Failed(enforceError);
        }

        if (existing is not null && TransitionError(existing.Current, job) is { } transitionError)
        {
            return RegisterOutcome.Failed(transitionError);
        }

        var createsEval = !IsPeriodic(job) && !IsParameterized(job);
        if (existing is not null && !JobSpec.Changed(existing.Current, job))
        {
            // "Check if the job has changed at all": no write; the reply carries the job's ModifyIndex.
            if (!createsEval)
            {
                return new RegisterOutcome(null, "", 0, existing.ModifyIndex, existing.ModifyIndex, null);
            }

            var unchangedEval = AddEvaluation(job, "job-register", existing.JobModifyIndex, "", index, now);
            return new RegisterOutcome(null, unchangedEval.ID, index, existing.ModifyIndex, index, null);
        }

        if (existing is not null && request.PreserveCounts)
        {
            PreserveCounts(existing.Current, job);
        }

        var stored = Upsert(request.Namespace, id, job, existing, index, now);
        if (request.Submission is { } submission)
        {
            var source = (JsonObject)submission.DeepClone();
            source["Namespace"] = request.Namespace;
            source["JobID"] = id;
            source["Version"] = stored.Version;
            source["JobModifyIndex"] = index;
            stored.Submissions[stored.Version] = source;
        }

        var settle = StartRun(stored, index, now);
        var eval = createsEval ? AddEvaluation(job, "job-register", index, settle?.DeploymentID ?? "", index, now) : null;
        return new RegisterOutcome(null, eval?.ID ?? "", eval is null ? 0 : index, index, index, settle);
    }

    /// <summary>
    /// Stops (<paramref name="purge"/> false: a new version with <c>Stop</c>, status <c>dead</c>) or purges a job
    /// (<c>Job.Deregister</c>). A missing job is not an error: the reply is empty, as in Nomad.
    /// </summary>
    public RegisterOutcome Deregister(string ns, string id, bool purge, long index, long now)
    {
        var existing = Get(ns, id);
        if (existing is null)
        {
            return new RegisterOutcome(null, "", 0, 0, 0, null);
        }

        var job = existing.Current;
        CancelDeployments(ns, id, DeploymentStatus.DescriptionStoppedJob, index, now);
        Evaluation? eval = null;
        if (!IsPeriodic(job) && !IsParameterized(job))
        {
            eval = AddEvaluation(job, "job-deregister", index, "", index, now, type: "service");
        }

        if (purge)
        {
            _jobs.Remove((ns, id));
            JobsIndex = index;
        }
        else
        {
            var stopped = (JsonObject)job.DeepClone();
            stopped["Stop"] = true;
            Upsert(ns, id, stopped, existing, index, now);
        }

        return new RegisterOutcome(null, eval?.ID ?? "", index, index, index, null);
    }

    /// <summary>
    /// Finishes a job version's run once its time is up, as Nomad's deployment watcher and state store do
    /// (<c>nomad/deploymentwatcher/deployment_watcher.go</c>, <c>nomad/state/state_store.go</c>):
    /// <list type="bullet">
    /// <item>a running deployment whose groups are all healthy turns successful and its job version turns
    /// <c>Stable</c> (<c>updateJobStabilityImpl</c>: <c>ModifyIndex</c> moves, <c>JobModifyIndex</c> and the version do not);</item>
    /// <item>one with a group the job asks to fail (<see cref="DeploymentMetaKey"/>) turns failed; when a failed group
    /// has <c>auto_revert</c>, the latest stable version is registered again as a new version (<c>latestStableJob</c>,
    /// <c>handleRollbackValidity</c>), with Nomad's description "… - rolling back to job version N", and gets a
    /// deployment of its own;</item>
    /// <item>a batch job still at that version turns dead.</item>
    /// </list>
    /// Returns the run a rollback started (to settle in turn), or null.
    /// </summary>
    public SettleTarget? Settle(SettleTarget target, long index, long now)
    {
        ArgumentNullException.ThrowIfNull(target);
        var stored = Get(target.Namespace, target.JobID);
        if (target.DeploymentID is { } deploymentId && _deployments.TryGetValue(deploymentId, out var deployment)
            && deployment.Status == DeploymentStatus.Running)
        {
            var version = stored?.Versions.FirstOrDefault(v => VersionOf(v) == target.Version) ?? stored?.Current;
            var failed = version is null ? [] : FailedGroups(version);
            if (failed.Count == 0)
            {
                _deployments[deploymentId] = Finished(deployment, DeploymentStatus.Successful, DeploymentStatus.DescriptionSuccessful, failed, index, now);
                DeploymentsIndex = index;
                MarkStable(stored, deployment.JobVersion, index);
                return null;
            }

            var description = DeploymentStatus.DescriptionFailedAllocations;
            JsonObject? rollback = null;
            if (stored is not null && deployment.TaskGroups.Any(g => failed.Contains(g.Key) && g.Value.AutoRevert))
            {
                var stable = stored.Versions.FirstOrDefault(v => v["Stable"]?.GetValue<bool>() == true);
                if (stable is null)
                {
                    description = DeploymentStatus.NoRollbackTarget(description);
                }
                else if (JobSpec.Changed(stored.Current, stable))
                {
                    description = DeploymentStatus.Rollback(description, VersionOf(stable));
                    rollback = stable;
                }
                else
                {
                    description = DeploymentStatus.RollbackNoop(description, VersionOf(stable));
                }
            }

            _deployments[deploymentId] = Finished(deployment, DeploymentStatus.Failed, description, failed, index, now);
            DeploymentsIndex = index;
            return rollback is null ? null : Revert(stored!, rollback, deploymentId, index, now);
        }

        if (target.DeploymentID is null && stored is not null && stored.Version == target.Version
            && stored.Current["Status"]?.GetValue<string>() == JobStatus.Running)
        {
            stored.Current["Status"] = JobStatus.Dead;
            stored.Current["ModifyIndex"] = index;
            stored.Summary = Summary(stored.Current, index);
            JobsIndex = index;
        }

        return null;
    }

    /// <summary>The job summary Nomad lists with a stub: per group, allocations by state.</summary>
    public static JsonObject Summary(JsonObject job, long index)
    {
        ArgumentNullException.ThrowIfNull(job);
        var status = job["Status"]?.GetValue<string>();
        var batch = job["Type"]?.GetValue<string>() == "batch";
        var groups = new JsonObject();
        foreach (var group in job["TaskGroups"]?.AsArray() ?? [])
        {
            var count = group?["Count"]?.GetValue<int>() ?? 0;
            groups[group?["Name"]?.GetValue<string>() ?? ""] = new JsonObject
            {
                ["Queued"] = 0,
                ["Complete"] = status == JobStatus.Dead && batch ? count : 0,
                ["Failed"] = 0,
                ["Running"] = status == JobStatus.Running ? count : 0,
                ["Starting"] = 0,
                ["Lost"] = 0,
                ["Unknown"] = 0,
            };
        }

        return new JsonObject
        {
            ["JobID"] = job["ID"]?.DeepClone(),
            ["Namespace"] = job["Namespace"]?.DeepClone(),
            ["Summary"] = groups,
            ["Children"] = new JsonObject { ["Pending"] = 0, ["Running"] = 0, ["Dead"] = 0 },
            ["CreateIndex"] = job["CreateIndex"]?.DeepClone(),
            ["ModifyIndex"] = index,
        };
    }

    /// <summary>Nomad's <c>Job.EnforceIndex</c> texts (<c>nomad/structs/job.go</c>), or null when the index fits.</summary>
    public static string? EnforceIndexError(StoredJob? existing, long jobModifyIndex)
    {
        const string prefix = "Enforcing job modify index";
        if (existing is not null)
        {
            if (jobModifyIndex == 0)
            {
                return $"{prefix} 0: job already exists";
            }

            if (jobModifyIndex != existing.JobModifyIndex)
            {
                return $"{prefix} {jobModifyIndex}: job exists with conflicting job modify index: {existing.JobModifyIndex}";
            }
        }
        else if (jobModifyIndex != 0)
        {
            return $"{prefix} {jobModifyIndex}: job does not exist";
        }

        return null;
    }

    /// <summary>Nomad's <c>validateJobUpdate</c> texts (<c>nomad/job_endpoint.go</c>), or null.</summary>
    public static string? TransitionError(JsonObject old, JsonObject updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(updated);
        if (updated["Dispatched"]?.GetValue<bool>() == true)
        {
            return "job can't be submitted with 'Dispatched' set";
        }

        var oldType = old["Type"]?.GetValue<string>();
        var newType = updated["Type"]?.GetValue<string>();
        if (oldType != newType)
        {
            return $"cannot update job from type \"{oldType}\" to \"{newType}\"";
        }

        if (IsPeriodic(old) && !IsPeriodic(updated))
        {
            return "cannot update periodic job to being non-periodic";
        }

        if (!IsPeriodic(old) && IsPeriodic(updated))
        {
            return "cannot update non-periodic job to being periodic";
        }

        if (IsParameterized(old) && !IsParameterized(updated))
        {
            return "cannot update parameterized job to being non-parameterized";
        }

        if (!IsParameterized(old) && IsParameterized(updated))
        {
            return "cannot update non-parameterized job to being parameterized";
        }

        return null;
    }

    /// <summary>True for a periodic job (<c>Periodic</c> set).</summary>
    public static bool IsPeriodic(JsonObject job) => job?["Periodic"] is JsonObject;

    /// <summary>True for a parameterized job (<c>ParameterizedJob</c> set).</summary>
    public static bool IsParameterized(JsonObject job) => job?["ParameterizedJob"] is JsonObject;

    private StoredJob Upsert(string ns, string id, JsonObject job, StoredJob? existing, long index, long now)
    {
        job["SubmitTime"] = now;
        job["ModifyIndex"] = index;
        job["JobModifyIndex"] = index;
        job["CreateIndex"] = existing?.Current["CreateIndex"]?.GetValue<long>() ?? index;
        job["Version"] = existing is null ? 0 : existing.Version + 1;
        job["Status"] = InitialStatus(job);
        job["StatusDescription"] ??= "";

        var stored = existing ?? new StoredJob(ns, id, job);
        stored.Current = job;
        stored.Summary = Summary(job, index);
        stored.Versions.Insert(0, (JsonObject)job.DeepClone());
        while (stored.Versions.Count > TrackedVersions)
        {
            var dropped = stored.Versions[^1];
            stored.Versions.RemoveAt(stored.Versions.Count - 1);
            stored.Submissions.Remove(VersionOf(dropped));
        }

        _jobs[(ns, id)] = stored;
        JobsIndex = index;
        return stored;
    }

    /// <summary>
    /// How the emulator's instant scheduler sets a new version's status (<c>getJobStatus</c>): stopped → dead;
    /// everything else has running allocations (or a running deployment) at once → running.
    /// </summary>
    private static string InitialStatus(JsonObject job) =>
        job["Stop"]?.GetValue<bool>() == true ? JobStatus.Dead : JobStatus.Running;

    private SettleTarget? StartRun(StoredJob stored, long index, long now)
    {
        var job = stored.Current;
        var type = job["Type"]?.GetValue<string>();
        var stopped = job["Stop"]?.GetValue<bool>() == true;
        CancelDeployments(stored.Namespace, stored.ID, stopped ? DeploymentStatus.DescriptionStoppedJob : DeploymentStatus.DescriptionNewerJob, index, now);
        if (stopped || IsPeriodic(job) || IsParameterized(job))
        {
            return null;
        }

        if (type == "batch")
        {
            return new SettleTarget(stored.Namespace, stored.ID, stored.Version, null);
        }

        // Only groups with an update strategy (max_parallel > 0) and allocations to place join a deployment, and a job
        // with none gets no deployment (scheduler/reconcile.go: !strategy.IsEmpty() && DesiredTotal != 0).
        if (type != "service" || job["TaskGroups"] is not JsonArray allGroups
            || allGroups.OfType<JsonObject>().Where(HasUpdateStrategy).ToList() is not { Count: > 0 } groups)
        {
            return null;
        }

        var deployment = new Deployment(
            Guid.NewGuid().ToString(),
            stored.Namespace,
            stored.ID,
            stored.Version,
            index,
            index,
            job["CreateIndex"]!.GetValue<long>(),
            false,
            groups.OfType<JsonObject>().ToDictionary(
                g => g["Name"]?.GetValue<string>() ?? "",
                g => new DeploymentState(
                    g["Update"]?["AutoRevert"]?.GetValue<bool>() ?? false,
                    g["Update"]?["AutoPromote"]?.GetValue<bool>() ?? false,
                    g["Update"]?["ProgressDeadline"]?.GetValue<long>() ?? 0,
                    "0001-01-01T00:00:00Z",
                    false,
                    null,
                    g["Update"]?["Canary"]?.GetValue<int>() ?? 0,
                    g["Count"]?.GetValue<int>() ?? 0,
                    0,
                    0,
                    0),
                StringComparer.Ordinal),
            DeploymentStatus.Running,
            DeploymentStatus.DescriptionRunning,
            job["Priority"]?.GetValue<int>() ?? 50,
            index,
            index,
            now,
            now);
        _deployments[deployment.ID] = deployment;
        DeploymentsIndex = index;
        return new SettleTarget(stored.Namespace, stored.ID, stored.Version, deployment.ID);
    }

    // UpdateStrategy.IsEmpty (nomad/structs/structs.go): no update block or max_parallel 0 means no deployment.
    private static bool HasUpdateStrategy(JsonObject group) =>
        group["Update"] is JsonObject update && (update["MaxParallel"]?.GetValue<int>() ?? 0) > 0 && (group["Count"]?.GetValue<int>() ?? 0) > 0;

    private void CancelDeployments(string ns, string id, string description, long index, long now)
    {
        foreach (var deployment in _deployments.Values.Where(d => d.Namespace == ns && d.JobID == id && d.IsActive).ToList())
        {
            _deployments[deployment.ID] = deployment with
            {
                Status = DeploymentStatus.Cancelled,
                StatusDescription = description,
                ModifyIndex = index,
                ModifyTime = now,
            };
            DeploymentsIndex = index;
        }
    }

    private Evaluation AddEvaluation(JsonObject job, string triggeredBy, long jobModifyIndex, string deploymentId, long index, long now, string? type = null)
    {
        var eval = new Evaluation(
            Guid.NewGuid().ToString(),
            job["Namespace"]?.GetValue<string>() ?? "default",
            job["Priority"]?.GetValue<int>() is { } p && p > 0 ? p : 50,
            type ?? job["Type"]?.GetValue<string>() ?? "service",
            triggeredBy,
            job["ID"]!.GetValue<string>(),
            jobModifyIndex,
            deploymentId,
            "complete",
            "",
            index,
            index,
            now,
            now);
        _evaluations[eval.ID] = eval;
        EvaluationsIndex = index;
        return eval;
    }

    private static void PreserveCounts(JsonObject previous, JsonObject job)
    {
        var counts = (previous["TaskGroups"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Where(g => g["Name"] is not null)
            .ToDictionary(g => g["Name"]!.GetValue<string>(), g => g["Count"]?.DeepClone(), StringComparer.Ordinal);
        foreach (var group in (job["TaskGroups"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            if (group["Name"]?.GetValue<string>() is { } name && counts.TryGetValue(name, out var count))
            {
                group["Count"] = count?.DeepClone();
            }
        }
    }

    // The groups whose allocations turn unhealthy: every group when the job's meta asks for it, else the groups whose meta does.
    private static HashSet<string> FailedGroups(JsonObject job)
    {
        var groups = (job["TaskGroups"]?.AsArray() ?? []).OfType<JsonObject>().ToList();
        var failJob = IsFail(job["Meta"]);
        return groups.Where(g => failJob || IsFail(g["Meta"])).Select(g => g["Name"]?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
    }

    private static Deployment Finished(Deployment deployment, string status, string description, HashSet<string> failed, long index, long now) =>
        deployment with
        {
            Status = status,
            StatusDescription = description,
            TaskGroups = deployment.TaskGroups.ToDictionary(
                g => g.Key,
                g => g.Value with
                {
                    PlacedAllocs = g.Value.DesiredTotal,
                    HealthyAllocs = failed.Contains(g.Key) ? 0 : g.Value.DesiredTotal,
                    UnhealthyAllocs = failed.Contains(g.Key) ? g.Value.DesiredTotal : 0,
                },
                StringComparer.Ordinal),
            ModifyIndex = index,
            ModifyTime = now,
        };

    // updateJobStabilityImpl: the version turns Stable in place (upsertJobImpl with keepVersion), so ModifyIndex moves
    // and JobModifyIndex does not; nothing happens when it is already stable or no longer kept.
    private void MarkStable(StoredJob? stored, long version, long index)
    {
        var entry = stored?.Versions.FirstOrDefault(v => VersionOf(v) == version);
        if (stored is null || entry is null || entry["Stable"]?.GetValue<bool>() == true)
        {
            return;
        }

        entry["Stable"] = true;
        entry["ModifyIndex"] = index;
        if (stored.Version == version)
        {
            stored.Current["Stable"] = true;
            stored.Current["ModifyIndex"] = index;
            stored.Summary = Summary(stored.Current, index);
        }

        JobsIndex = index;
    }

    // The deployment watcher's rollback: UpdateDeploymentStatus upserts a copy of the latest stable version (still
    // Stable, with its SubmitTime) as a new version (upsertJobImpl bumps Version and JobModifyIndex and copies the
    // reverted version's submission), with an evaluation triggered by "deployment-watcher"; the scheduler then makes
    // the new version a deployment of its own.
    private SettleTarget? Revert(StoredJob stored, JsonObject stable, string failedDeploymentId, long index, long now)
    {
        var job = (JsonObject)stable.DeepClone();
        var submitTime = job["SubmitTime"]?.DeepClone();
        var reverted = Upsert(stored.Namespace, stored.ID, job, stored, index, now);
        reverted.Current["SubmitTime"] = submitTime;
        reverted.Versions[0]["SubmitTime"] = submitTime?.DeepClone();
        if (reverted.Submissions.TryGetValue(VersionOf(stable), out var submission))
        {
            var copy = (JsonObject)submission.DeepClone();
            copy["Version"] = reverted.Version;
            copy["JobModifyIndex"] = index;
            reverted.Submissions[reverted.Version] = copy;
        }

        AddEvaluation(reverted.Current, "deployment-watcher", index, failedDeploymentId, index, now);
        return StartRun(reverted, index, now);
    }

    private static bool IsFail(JsonNode? meta) =>
        meta is JsonObject m && m[DeploymentMetaKey] is JsonValue v && v.TryGetValue<string>(out var s) && s == "fail";

    private static long VersionOf(JsonObject job) => job["Version"]?.GetValue<long>() ?? 0;

    private sealed class KeyComparer : IComparer<(string Namespace, string ID)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Namespace, string ID) x, (string Namespace, string ID) y)
        {
            var byNamespace = string.CompareOrdinal(x.Namespace, y.Namespace);
            return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x.ID, y.ID);
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using static NomadGitOps.Controllers.ReconcileOutcome;

namespace NomadGitOps.Controllers.NomadJob;

/// <summary>
/// Keeps one Nomad job equal to its file in Git (DESIGN §2): renders the file at the repository's current commit,
/// compares with the live job, plans, registers with <c>EnforceIndex</c>, optionally follows the deployment, and prunes
/// jobs it owns when their object is orphaned or deleted with prune on.
/// </summary>
internal sealed class NomadJobController(
    ObjectStore store,
    NomadClient nomad,
    DesiredJobReader desiredJobs,
    ReconcileSkeleton skeleton,
    NomadJobControllerOptions options,
    TimeProvider time,
    ILogger<NomadJobController> logger,
    UnchangedJobCheck? unchanged = null) : IReconciler
{
    private const string NameField = "Name";

    /// <summary>How long to wait before looking again at an object whose repository is not ready.</summary>
    public static readonly TimeSpan DependencyRetry = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.NomadJob;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.NomadJob;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReconcileOutcome? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct);
        if (loadFailed is not null)
        {
            return loadFailed;
        }

        if (stored is null)
        {
            return await PruneDeletedAsync(key, ct);
        }

        var previous = ItemCodec.DecodeNomadJobStatus(stored.Items);
        var parsed = NomadJobSpec.Parse(stored.Items, key);
        NomadJobRun? run = null;
        ReconcileOutcome outcome;
        if (ReconcileSkeleton.IsSuspended(stored.Items))
        {
            outcome = new UpToDate($"NomadJob {key} is suspended: remove \"suspend\" to reconcile it again.", Reasons.Suspended);
        }
        else if (parsed.Spec is not { } spec)
        {
            outcome = new Stalled(Reasons.InvalidSpec, $"NomadJob {key} is invalid: {parsed.Describe()}.");
        }
        else
        {
            run = new NomadJobRun(stored, spec, previous, key.ToPath(store.Prefix));
            outcome = await StepsAsync(run, ct);
        }

        return await skeleton.FinishAsync(stored, outcome, previous.ConsecutiveFailures,
            (o, now, retryAfter) => ItemCodec.Encode(NomadJobStatusSummary.For(previous, stored.Items, run, o, now, retryAfter)), next: null, ct);
    }

    // An orphan is pruned (or left); otherwise the desired job is read and compared with the live one, and then either
    // planned and registered, or (the live job is as applied) only its deployment is followed.
    private async Task<ReconcileOutcome> StepsAsync(NomadJobRun run, CancellationToken ct)
    {
        var what = $"NomadJob {run.Stored.Key}";
        if (IsOrphaned(run))
        {
            return await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [PruneOrphanAsync], ct) as ReconcileOutcome ?? Done(run);
        }

        var found = await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed,
            [LoadRepositoryAsync, SkipUnchangedAsync, ReadFileAsync, RenderAsync, CompareWithLiveAsync], ct);
        var applied = found switch
        {
            ReconcileOutcome ended => ended,
            FollowDeployment => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [WaitForDeploymentAsync], ct),
            _ => await ReconcileSkeleton.RunAsync(run, what, Reasons.ArtifactFailed, [PlanAsync, RegisterAsync, WaitForDeploymentAsync], ct),
        };
        return applied as ReconcileOutcome ?? Done(run);
    }

    // Guard: the repository the file comes from, and whether it still lists this object.
    private async Task<StepResult> LoadRepositoryAsync(NomadJobRun run, CancellationToken ct)
    {
        var repositoryKey = ObjectKey.GitRepository(run.Spec.Repository);
        run.RepositoryObject = await store.ReadAsync(repositoryKey, ct);
        if (run.RepositoryObject is null)
        {
            // As the index does, a deleted repository leaves its jobs as they are.
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" of NomadJob {run.Stored.Key} does not exist: create it, fix \"repository\", or delete this object.", DependencyRetry);
        }

        var repository = GitRepositorySpec.Parse(run.RepositoryObject.Items);
        if (repository.Spec is null)
        {
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" of NomadJob {run.Stored.Key} is invalid: {repository.Describe()}.", DependencyRetry);
        }

        run.Repository = repository.Spec;
        return StepResult.Continue;
    }

    // The index marks an object whose file vanished (prune off) with status_orphaned_at (docs/controller-index.md);
    // with prune on it deletes the object instead, and PruneDeletedAsync takes over.
    private static bool IsOrphaned(NomadJobRun run) => ItemCodec.DecodeNomadJobIndexStatus(run.Stored.Items).IsOrphaned;

    private async Task<StepResult> PruneOrphanAsync(NomadJobRun run, CancellationToken ct)
    {
        var where = $"its file {run.Spec.File} vanished from GitRepository \"{run.Spec.Repository}\"";
        if (!run.Spec.Prune)
        {
            return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); prune is off, so {run.JobName} keeps running unmanaged. Delete the object when it is no longer wanted.", Reasons.Orphaned);
        }

        var live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (live is null || IsStopped(live))
        {
            return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); {run.JobName} is already stopped or gone.", Reasons.Pruned);
        }

        if (!OwnershipMeta.IsOwnedBy(live, options.ManagedBy, run.ObjectPath))
        {
            return new Stalled(Reasons.NotOwned, $"NomadJob {run.Stored.Key} is orphaned ({where}) with prune on, but the live {run.JobName} is not ours " +
                $"(meta gitops_managed_by={Describe(OwnershipMeta.Read(live, OwnershipMeta.ManagedByKey))}, gitops_object={Describe(OwnershipMeta.Read(live, OwnershipMeta.ObjectKey))}): it was left running. Stop it by hand or delete the object.");
        }

        await nomad.Jobs.DeregisterAsync(run.Spec.JobId, purge: false, Write(run.Spec), ct);
        run.Pruned = true;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Pruned {Job} in {Namespace}: NomadJob {Object} is orphaned", run.Spec.JobId, run.Spec.Namespace, run.Stored.Key);
        }

        return new UpToDate($"NomadJob {run.Stored.Key} is orphaned ({where}); prune is on, so {run.JobName} was stopped.", Reasons.Pruned);
    }

    // Nothing changed in Git, in the object or (per the owned-job cache) in the live job since the last apply: no Nomad call.
    private Task<StepResult> SkipUnchangedAsync(NomadJobRun run, CancellationToken ct) =>
        Task.FromResult(unchanged?.Check(run) ?? StepResult.Continue);

    private async Task<StepResult> ReadFileAsync(NomadJobRun run, CancellationToken ct)
    {
        var repository = run.Repository!;
        var repositoryStatus = ItemCodec.DecodeGitRepositoryStatus(run.RepositoryObject!.Items);
        if (repositoryStatus.CurrentCommit is not { } commit)
        {
            return new Waiting(Reasons.DependencyNotReady, $"GitRepository \"{run.Spec.Repository}\" has no commit yet; NomadJob {run.Stored.Key} waits for it.", DependencyRetry);
        }

        run.Commit = commit;
        try
        {
            run.Input = await desiredJobs.ReadAsync(repository, run.Spec, commit, ct);
            return StepResult.Continue;
        }
        catch (GitException e) when (e.Kind == GitErrorKind.RefNotFound)
        {
            return new Stalled(Reasons.RenderFailed, $"NomadJob {run.Stored.Key}: {e.Message} Fix \"file\" or \"var_files\", or restore the file in Git.");
        }
        catch (GitException e)
        {
            return new Failed(Reasons.ArtifactFailed, $"NomadJob {run.Stored.Key} could not read {run.Spec.File} at commit {run.ShortCommit}: {e.Message}", e);
        }
    }

    private async Task<StepResult> RenderAsync(NomadJobRun run, CancellationToken ct)
    {
        try
        {
            run.Parsed = await desiredJobs.ParseAsync(run.Spec, run.Input!, ct);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("NomadJob {Key}: {File} at {Commit} rendered by {Renderer}", run.Stored.Key, run.Spec.File, run.ShortCommit, run.Parsed.Renderer);
            }
        }
        catch (GitException e)
        {
            return new Failed(Reasons.ArtifactFailed, $"NomadJob {run.Stored.Key} could not check out commit {run.ShortCommit} to render {run.Spec.File}: {e.Message}", e);
        }
        catch (JobFileException e)
        {
            return new Stalled(Reasons.RenderFailed, $"{run.Spec.File} at commit {run.ShortCommit} of GitRepository \"{run.Spec.Repository}\" is not a valid job: {e.Message}");
        }
        catch (NomadApiException e) when (!IsUnavailable(e))
        {
            return new Stalled(Reasons.RenderFailed, $"Nomad could not parse {run.Spec.File} at commit {run.ShortCommit} of GitRepository \"{run.Spec.Repository}\": {e.NomadMessage}");
        }

        if (run.Parsed.JobId != run.Spec.JobId)
        {
            return new Stalled(Reasons.RenderFailed, $"{run.Spec.File} at commit {run.ShortCommit} defines job \"{run.Parsed.JobId}\", but NomadJob {run.Stored.Key} names job \"{run.Spec.JobId}\": fix \"job_id\" or the file.");
        }

        run.Desired = DesiredJobReader.Render(run.Parsed, run.Spec, options.ManagedBy, run.ObjectPath);
        run.DesiredHash = JobSpecHash.Of(run.Desired);
        unchanged?.Rendered(run);
        return StepResult.Continue;
    }

    private async Task<StepResult> CompareWithLiveAsync(NomadJobRun run, CancellationToken ct)
    {
        run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        var owner = OwnershipMeta.Read(run.Live, OwnershipMeta.ManagedByKey);
        var ownerObject = OwnershipMeta.Read(run.Live, OwnershipMeta.ObjectKey);
        if (owner is not null && (owner != options.ManagedBy || (ownerObject is not null && ownerObject != run.ObjectPath)))
        {
            // A job without our meta is adopted; one whose meta names another controller or object is not taken over.
            return new Stalled(Reasons.Conflict, $"The live {run.JobName} belongs to gitops_managed_by={Describe(owner)}, gitops_object={Describe(ownerObject)}, " +
                $"not to this controller ({options.ManagedBy}) and NomadJob {run.Stored.Key}: it was left alone. Remove that meta from the job, or this object.");
        }

        var previous = run.Previous;
        if (previous.JobModifyIndex is { } applied && previous.SpecHash is not null)
        {
            run.Drift = run.Live is null ? $"{run.JobName} was purged outside nomad-gitops"
                : run.LiveStopped ? $"{run.JobName} was stopped outside nomad-gitops"
                : run.LiveJobModifyIndex != applied ? $"{run.JobName} was changed outside nomad-gitops (JobModifyIndex {applied} -> {run.LiveJobModifyIndex})"
                : null;
        }

        var sameDesired = run.DesiredHash == previous.SpecHash;
        if (run.Drift is not null && sameDesired && run.Live is not null && !run.LiveStopped
            && await FailedReleaseAsync(run, ct) is { } rolledBack && rolledBack.IsRolledBackBy(run.Live))
        {
            // Nomad rolled back our failed release (auto_revert): no drift to correct, the rollback keeps running (issue 9).
            run.FailedRelease = rolledBack;
            run.Drift = null;
            if (!run.ReconcileRequested)
            {
                return new Stalled(Reasons.DeploymentFailed, rolledBack.Describe(run.JobName, run.Spec.File, run.ShortCommit, run.LiveVersion));
            }
        }

        // A failed release is tried again only for a changed object or a new reconcile_requested_at (or a change in Git).
        var failedRelease = previous.DeploymentStatus == DeploymentStatus.Failed;
        if (run.Drift is null && sameDesired && !run.ReconcileRequested && !(failedRelease && run.ObjectChanged) && run.FailedRelease is null)
        {
            run.Unchanged = true;
            run.JobModifyIndex = previous.JobModifyIndex;
            run.JobVersion = previous.JobVersion;
            if (failedRelease || (run.Spec.Wait && previous.DeploymentStatus == DeploymentStatus.Cancelled))
            {
                return new Stalled(Reasons.DeploymentFailed, previous.Reason == Reasons.DeploymentFailed && previous.Message is { } message
                    ? message
                    : $"Deployment {previous.DeploymentId} of {run.JobName} version {previous.JobVersion} is {previous.DeploymentStatus}: fix the job in Git.");
            }

            if (!run.Spec.Wait && await UnfollowedDeploymentFailedAsync(run, ct) is { } failed)
            {
                return failed;
            }

            var following = previous.Reason == Reasons.Progressing
                || (previous.DeploymentStatus is not null && previous.DeploymentStatus != DeploymentStatus.Successful);
            return run.Spec.Wait && following
                ? FollowDeployment.Instance
                : new UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}.");
        }

        if (run.Drift is not null && sameDesired)
        {
            if (!run.Spec.CorrectDrift)
            {
                return new Stalled(Reasons.DriftDetected, $"{run.Drift}; correct_drift is false, so it was left as it is. Set correct_drift=true or change the job in Git to register it again.");
            }

            run.CorrectingDrift = true;
        }

        return StepResult.Continue;
    }

    // The failed deployment of the release status records (its version and JobModifyIndex), if any.
    private async Task<FailedRelease?> FailedReleaseAsync(NomadJobRun run, CancellationToken ct) =>
        run.Previous is { JobVersion: { } version, JobModifyIndex: { } index }
            ? FailedRelease.Find((await nomad.Jobs.DeploymentsAsync(run.Spec.JobId, Query(run.Spec), ct)).Value, version, index)
            : null;

    // Without wait, the outcome of our release's deployment is looked up (one read) until it is known, so a failure
    // without auto_revert is reported too; the result is recorded once and not read again.
    private async Task<Stalled?> UnfollowedDeploymentFailedAsync(NomadJobRun run, CancellationToken ct)
    {
        if (run.Previous.DeploymentStatus is DeploymentStatus.Successful || !ExpectsDeployment(run.Desired!)
            || run.Previous is not { JobVersion: { } version, JobModifyIndex: { } index })
        {
            return null;
        }

        var deployments = (await nomad.Jobs.DeploymentsAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (FailedRelease.Find(deployments, version, index) is { } failed)
        {
            run.FailedRelease = failed;
            return new Stalled(Reasons.DeploymentFailed, failed.Describe(run.JobName, run.Spec.File, run.ShortCommit, run.LiveVersion));
        }

        run.Deployment = deployments.FirstOrDefault(d => d.JobVersion == version && d.JobSpecModifyIndex == index && d.Status == DeploymentStatus.Successful);
        return null;
    }

    private async Task<StepResult> PlanAsync(NomadJobRun run, CancellationToken ct)
    {
        var job = (JsonObject)run.Desired!.DeepClone();
        if (run.Spec.PreserveCounts)
        {
            CopyLiveCounts(run.Live, job);
        }

        try
        {
            run.Plans++;
            run.Plan = await nomad.Jobs.PlanAsync(job, diff: true, write: Write(run.Spec), ct: ct);
        }
        catch (NomadApiException e) when (!IsUnavailable(e))
        {
            return new Stalled(Reasons.PlanFailed, $"Nomad refused to plan {run.JobName} from {run.Spec.File} at commit {run.ShortCommit}: {e.NomadMessage}");
        }

        run.PlanSummary = PlanSummary.Of(run.Plan);
        if (run.Plan.DiffType != "None")
        {
            return StepResult.Continue;
        }

        run.PlanUnchanged = true;
        run.JobModifyIndex = run.LiveJobModifyIndex ?? run.Plan.JobModifyIndex;
        run.JobVersion = run.LiveVersion;
        if (run.Previous is { DeploymentStatus: DeploymentStatus.Failed, Message: { } failedMessage } && run.LiveVersion == run.Previous.JobVersion)
        {
            // Nomad does not roll out a version whose deployment failed again: registering the same spec would change nothing.
            const string Unchanged = " The plan shows no change, so nothing was registered.";
            return new Stalled(Reasons.DeploymentFailed, failedMessage.EndsWith(Unchanged, StringComparison.Ordinal) ? failedMessage : failedMessage + Unchanged);
        }

        return new UpToDate($"{run.JobName} matches {run.Spec.File} at commit {run.ShortCommit}: the plan shows no changes.");
    }

    private async Task<StepResult> RegisterAsync(NomadJobRun run, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = new JobRegisterRequest(run.Desired!)
            {
                EnforceIndex = true,
                JobModifyIndex = run.Plan!.JobModifyIndex,
                PreserveCounts = run.Spec.PreserveCounts,
                Submission = new JobSubmission { Source = run.Input!.Source, Format = run.Parsed!.Format, Variables = run.Parsed.Format == JobFileParser.JsonFormat ? null : run.Input.Variables.Combined() },
            };
            try
            {
                var response = await nomad.Jobs.RegisterAsync(request, Write(run.Spec), ct);
                run.Registered = true;
                run.EvalId = response.EvalID.Length > 0 ? response.EvalID : null;
                break;
            }
            catch (NomadApiException e) when (IsEnforceIndexConflict(e))
            {
                if (attempt >= options.MaxEnforceIndexRetries)
                {
                    return new Failed(Reasons.RegisterFailed, $"{run.JobName} changed between plan and register {attempt + 1} times in a row ({e.NomadMessage}); trying again later.", e);
                }

                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Job} in {Namespace} changed between plan and register ({Message}); planning again", run.Spec.JobId, run.Spec.Namespace, e.NomadMessage);
                }

                run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
                var replanned = await PlanAsync(run, ct);
                if (!replanned.IsContinue)
                {
                    return replanned;
                }
            }
            catch (NomadApiException e) when (!IsUnavailable(e))
            {
                return new Stalled(Reasons.RegisterFailed, $"Nomad refused to register {run.JobName} from {run.Spec.File} at commit {run.ShortCommit}: {e.NomadMessage}");
            }
        }

        run.Live = (await nomad.Jobs.ReadAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        run.JobModifyIndex = run.LiveJobModifyIndex;
        run.JobVersion = run.LiveVersion;
        unchanged?.Registered(run);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Object} registered version {Version} from {File}@{Commit} ({Plan})",
                run.Stored.Key, run.JobVersion, run.Spec.File, run.ShortCommit, run.PlanSummary);
        }

        return StepResult.Continue;
    }

    private async Task<StepResult> WaitForDeploymentAsync(NomadJobRun run, CancellationToken ct)
    {
        if (!run.Spec.Wait || !ExpectsDeployment(run.Desired!))
        {
            return StepResult.Continue;
        }

        var now = time.GetUtcNow();
        // From the applied time as status stores it (to the second), so every later look computes the same deadline.
        var appliedAt = run.Registered ? ItemCodec.ParseTime(ItemCodec.FormatTime(now))!.Value : run.Previous.LastAppliedAt ?? now;
        var deadline = appliedAt + run.Spec.WaitTimeout;
        var after = deadline - now < options.DeploymentPollInterval ? deadline - now : options.DeploymentPollInterval;
        var version = $"{run.JobName} version {run.JobVersion}";
        var deployment = (await nomad.Jobs.LatestDeploymentAsync(run.Spec.JobId, Query(run.Spec), ct)).Value;
        if (deployment is null || deployment.JobVersion != run.JobVersion)
        {
            // Nomad's scheduler creates the deployment after the evaluation: it may not exist yet.
            return now >= deadline
                ? new Stalled(Reasons.DeploymentFailed, $"No deployment of {version} started within wait_timeout ({run.Spec.WaitTimeout}): check the job's evaluations.")
                : new Waiting(Reasons.Progressing, $"Waiting for the deployment of {version} to start; followed until {ItemCodec.FormatTime(deadline)}.", after);
        }

        run.Deployment = deployment;
        switch (deployment.Status)
        {
            case DeploymentStatus.Successful:
                return StepResult.Continue;
            case DeploymentStatus.Failed or DeploymentStatus.Cancelled:
                return new Stalled(Reasons.DeploymentFailed, $"Deployment {deployment.ID} of {version} {deployment.Status}: {deployment.StatusDescription}. Fix the job in Git.");
        }

        if (now >= deadline)
        {
            return new Stalled(Reasons.DeploymentFailed, $"Deployment {deployment.ID} of {version} is still {deployment.Status} after wait_timeout ({run.Spec.WaitTimeout}): check the allocations.");
        }

        return new Waiting(Reasons.Progressing, $"Deployment {deployment.ID} of {version} is {deployment.Status}; followed until {ItemCodec.FormatTime(deadline)}.", after);
    }

    private static UpToDate Done(NomadJobRun run)
    {
        var deployment = run.Deployment is { } d ? $"; deployment {d.ID} {d.Status}" : "";
        var renderedBy = run.Parsed?.Renderer == JobFileRenderer.Checkout
            ? " It reads other files of the repository, so nomad-gitops rendered it from a checkout of the commit, not Nomad's parse endpoint."
            : "";
        if (!run.Registered)
        {
            return new UpToDate($"{run.JobName} is up to date with {run.Spec.File} at commit {run.ShortCommit}{deployment}.{renderedBy}");
        }

        var registered = $"registered {run.JobName} version {run.JobVersion} from {run.Spec.File} at commit {run.ShortCommit} ({run.PlanSummary}){deployment}.{renderedBy}";
        return run.CorrectingDrift
            ? new UpToDate($"{run.Drift}; {registered}", Reasons.DriftCorrected)
            : new UpToDate(char.ToUpperInvariant(registered[0]) + registered[1..]);
    }

    // The object is gone: stop the job only when its meta says it was ours, for this object, with prune on.
    private async Task<ReconcileOutcome> PruneDeletedAsync(ObjectKey key, CancellationToken ct)
    {
        try
        {
            var query = new QueryOptions { Namespace = key.Namespace };
            var live = (await nomad.Jobs.ReadAsync(key.Name, query, ct)).Value;
            var path = key.ToPath(store.Prefix);
            if (live is null || IsStopped(live) || !OwnershipMeta.IsOwnedBy(live, options.ManagedBy, path) || OwnershipMeta.Read(live, OwnershipMeta.PruneKey) != "true")
            {
                return new UpToDate($"NomadJob {key} no longer exists; nothing to prune.");
            }

            await nomad.Jobs.DeregisterAsync(key.Name, purge: false, new WriteOptions { Namespace = key.Namespace }, ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Pruned {Job} in {Namespace}: its NomadJob object was deleted", key.Name, key.Namespace);
            }

            return new UpToDate($"NomadJob {key} was deleted with prune on: job \"{key.Name}\" was stopped.", Reasons.Pruned);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return skeleton.WithRetry(new Failed(Reasons.PruneFailed, $"NomadJob {key} was deleted, but its job could not be checked or stopped: {e.Message}", e));
        }
    }

    private static void CopyLiveCounts(JsonObject? live, JsonObject job)
    {
        if (live?["TaskGroups"] is not JsonArray liveGroups || job["TaskGroups"] is not JsonArray groups)
        {
            return;
        }

        var counts = liveGroups.OfType<JsonObject>()
            .Where(g => g[NameField] is not null && g["Count"] is not null)
            .ToDictionary(g => g[NameField]!.GetValue<string>(), g => g["Count"]!.GetValue<int>(), StringComparer.Ordinal);
        foreach (var group in groups.OfType<JsonObject>())
        {
            if (group[NameField]?.GetValue<string>() is { } name && counts.TryGetValue(name, out var count))
            {
                group["Count"] = count;
            }
        }
    }

    // Job.HasUpdateStrategy (nomad/structs/structs.go): a deployment is made only for a service job with a group whose
    // update block has MaxParallel > 0 (UpdateStrategy.IsEmpty).
    /// <summary>Whether registering <paramref name="job"/> starts a deployment (a service job with an update strategy).</summary>
    internal static bool ExpectsDeployment(JsonObject job) =>
        job["Type"]?.GetValue<string>() is "service"
        && job["TaskGroups"] is JsonArray groups
        && groups.OfType<JsonObject>().Any(g => g["Update"] is JsonObject update && update["MaxParallel"] is JsonValue max && max.TryGetValue<int>(out var n) && n > 0);

    private static bool IsStopped(JsonObject job) => job["Stop"] is JsonValue stop && stop.TryGetValue<bool>(out var stopped) && stopped;

    private static bool IsUnavailable(NomadApiException e) => e.IsTransient || e.StatusCode is null;

    // Job.EnforceIndex in nomad/structs/job.go: "Enforcing job modify index N: ...", answered as a 500.
    private static bool IsEnforceIndexConflict(NomadApiException e) =>
        e.NomadMessage.Contains("Enforcing job modify index", StringComparison.Ordinal);

    private static string Describe(string? value) => value is null ? "(none)" : $"\"{value}\"";

    private static QueryOptions Query(NomadJobSpec spec) => new() { Namespace = spec.Namespace, Region = spec.Region };

    private static WriteOptions Write(NomadJobSpec spec) => new() { Namespace = spec.Namespace, Region = spec.Region };
}

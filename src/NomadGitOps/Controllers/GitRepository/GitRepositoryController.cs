using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Sources;

namespace NomadGitOps.Controllers.GitRepository;

/// <summary>
/// Keeps each GitRepository's cache at the commit its ref points at (DESIGN §2): resolves the ref with one
/// ls-remote, fetches only when the commit moved, records the commit in status, and wakes the index on a new
/// commit or a changed spec. A failure keeps the last good commit serving and backs off.
/// </summary>
internal sealed class GitRepositoryController(
    GitCache cache,
    GitCredentialsLoader credentials,
    IReconcileTrigger trigger,
    ReconcileSkeleton skeleton,
    ILogger<GitRepositoryController> logger) : IReconciler
{
    /// <inheritdoc/>
    public ControllerName Name => ControllerName.GitRepository;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.GitRepository;

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
            return new ReconcileOutcome.UpToDate($"GitRepository {key.Name} no longer exists.");
        }

        var run = new GitRepositoryRun(stored, ItemCodec.DecodeGitRepositoryStatus(stored.Items), SpecHash.Of(stored.Items));
        var outcome = Guards(run) ?? await StepsAsync(run, ct) as ReconcileOutcome
            ?? new ReconcileOutcome.UpToDate($"GitRepository {run.Key.Name} serves commit {GitRepositoryStatusSummary.Short(run.Sync!.Ref.Commit)} of {run.Ref}.");
        return await skeleton.FinishAsync(run.Stored, outcome, run.Previous.ConsecutiveFailures,
            (o, now, delay) => ItemCodec.Encode(GitRepositoryStatusSummary.For(run.Previous, run, o, now, delay)),
            (o, _) => Next(run, o), ct);
    }

    // Credentials and sync; then the commit is published, unless the sync found nothing new to publish.
    private async Task<StepResult> StepsAsync(GitRepositoryRun run, CancellationToken ct)
    {
        var what = $"GitRepository {run.Key.Name}";
        return await ReconcileSkeleton.RunAsync(run, what, Reasons.GitOperationFailed, [ResolveCredentials, Sync], ct) switch
        {
            AlreadyPublished => StepResult.Continue,
            { IsContinue: true } => await ReconcileSkeleton.RunAsync(run, what, Reasons.GitOperationFailed, [Publish], ct),
            var ended => ended,
        };
    }

    // After the status is written: tell what happened, and wake the index on a new commit or a changed spec.
    private void Next(GitRepositoryRun run, ReconcileOutcome outcome)
    {
        Report(run, outcome);
        if (outcome is ReconcileOutcome.UpToDate { Reason: Reasons.Succeeded } && (run.CommitChanged || run.SpecChanged))
        {
            trigger.Trigger(ControllerName.NomadJobIndex, run.Key);
        }
    }

    // Suspended first (even a broken spec may be parked), then every spec problem at once.
    private static ReconcileOutcome? Guards(GitRepositoryRun run)
    {
        var name = run.Key.Name;
        if (ReconcileSkeleton.IsSuspended(run.Stored.Items))
        {
            var serving = run.Previous.CurrentCommit is { } commit ? $" Commit {GitRepositoryStatusSummary.Short(commit)} keeps serving." : "";
            return new ReconcileOutcome.UpToDate(
                $"GitRepository {name} is suspended: nothing is fetched until the item \"suspend\" is removed or set to false.{serving}",
                Reasons.Suspended);
        }

        var parsed = GitRepositorySpec.Parse(run.Stored.Items);
        var errors = parsed.Errors.Select(e => e.Message).ToList();
        if (parsed.Spec is { } spec)
        {
            try
            {
                run.Url = GitUrl.Parse(spec.Url);
            }
            catch (GitException exception)
            {
                errors.Add(exception.Message);
            }

            try
            {
                run.Ref = spec.Reference.Checked();
            }
            catch (GitException exception)
            {
                errors.Add(exception.Message);
            }

            run.Spec = spec;
        }

        return errors.Count == 0
            ? null
            : new ReconcileOutcome.Stalled(Reasons.InvalidSpec,
                $"GitRepository {name} has an invalid spec: {string.Join("; ", errors)}. Fix the items (nomad var put) and it is reconciled at once.");
    }

    private async Task<StepResult> ResolveCredentials(GitRepositoryRun run, CancellationToken ct)
    {
        var spec = run.Spec!;
        if (spec.Secret is not { } secret)
        {
            run.Source = new GitSource(run.Url!, run.Ref!, GitCredentials.None, spec.Timeout);
            return StepResult.Continue;
        }

        var where = $"the secret variable \"{secret}\" (namespace \"{credentials.Namespace}\")";
        GitCredentials? found;
        try
        {
            found = await credentials.LoadAsync(secret, ct);
        }
        catch (NomadApiException exception) when (exception.IsPermissionDenied)
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"GitRepository {run.Key.Name}: the controller's Nomad token may not read {where}. Allow read on that path in the controller's ACL policy.", exception);
        }
        catch (Exception exception) when (exception is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(Reasons.NomadUnavailable,
                $"GitRepository {run.Key.Name}: reading {where} from Nomad failed: {exception.Message}. Retrying with backoff.", exception);
        }

        if (found is null)
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"GitRepository {run.Key.Name}: {where} does not exist. Create it with username and password, token, or ssh_private_key and ssh_known_hosts, or remove the item \"secret\".");
        }

        run.Redactor = SecretRedactor.UrlsOnly.With(found.SecretValues());
        if (found is { Password: null, Token: null, SshPrivateKey: null })
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"GitRepository {run.Key.Name}: {where} holds none of password, token or ssh_private_key. Add the credential the server expects.");
        }

        if (run.Url!.Transport == GitTransport.Ssh && found is { SshPrivateKey: not null, SshKnownHosts: null })
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"GitRepository {run.Key.Name}: {where} has ssh_private_key but no ssh_known_hosts, so the server cannot be verified. Add the server's host key line (ssh-keyscan).");
        }

        run.Source = new GitSource(run.Url, run.Ref!, found, spec.Timeout);
        return StepResult.Continue;
    }

    private async Task<StepResult> Sync(GitRepositoryRun run, CancellationToken ct)
    {
        try
        {
            // A pending reconcile_requested_at (a webhook after a push, the CLI) means the branch has likely moved:
            // fetch it at once instead of asking ls-remote first.
            var hint = ReconcileRequest.IsPending(run.Stored.Items, run.Previous.LastHandledReconcileAt) ? SyncHint.RefLikelyMoved : SyncHint.None;
            run.Sync = await cache.SyncAsync(run.Source!, run.Previous.CurrentCommit, hint, ct);
            var nothingNew = !run.Sync.CacheRecreated && !run.CommitChanged && !run.SpecChanged
                && run.Previous is { Ready: ReadyState.True, Reason: Reasons.Succeeded, Message: not null };
            return nothingNew ? AlreadyPublished.Instance : StepResult.Continue;
        }
        catch (GitException exception)
        {
            if (exception.Kind == GitErrorKind.CorruptCache)
            {
                await cache.DiscardAsync(run.Url!, ct);
            }

            return FromGitError(run, exception);
        }
    }

    // Looks at the commit's tree: run only when something changed since the last success (a quiet tick reads nothing).
    private async Task<StepResult> Publish(GitRepositoryRun run, CancellationToken ct)
    {
        var sync = run.Sync!;
        var spec = run.Spec!;

        IReadOnlyList<ArtifactFile> files;
        try
        {
            var artifact = cache.Open(run.Source!, sync.Ref.Commit);
            files = await artifact.ListFilesAsync(spec.Path, ct);
            run.CommitSubject = await artifact.SubjectAsync(ct);
        }
        catch (GitException exception)
        {
            if (exception.Kind == GitErrorKind.CorruptCache)
            {
                await cache.DiscardAsync(run.Url!, ct);
            }

            return new ReconcileOutcome.Failed(Reasons.ArtifactFailed,
                $"GitRepository {run.Key.Name}: reading commit {GitRepositoryStatusSummary.Short(sync.Ref.Commit)} from the cache failed: {exception.Message}", exception);
        }

        var selection = spec.JobFiles;
        int jobFiles;
        try
        {
            jobFiles = files.Count(f => selection.Selects(f.Path));
        }
        catch (RegexMatchTimeoutException exception)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec, $"GitRepository {run.Key.Name}: {GitRepositorySpec.SlowPatternMessage(exception)}");
        }

        var where = spec.Path == "." ? "the repository" : $"path \"{spec.Path}\"";
        var content = files.Count == 0
            ? $"{where} holds no files at this commit: check the item \"path\"."
            : $"{jobFiles} of {files.Count} files under {where} match include/exclude.";
        var forcePush = IsForcePush(run)
            ? $" The ref was force-pushed: the previous commit {GitRepositoryStatusSummary.Short(run.Previous.CurrentCommit!)} is not in its history."
            : "";
        run.PublishedMessage =
            $"Serving commit {GitRepositoryStatusSummary.Short(sync.Ref.Commit)} of {run.Ref} ({sync.Ref.Name}) from {run.Url}: {content}{forcePush}";
        return StepResult.Continue;
    }

    // One log event per thing that happened (a new commit, suspension); failures, waits and recoveries are the
    // engine's one line per transition.
    private void Report(GitRepositoryRun run, ReconcileOutcome outcome)
    {
        var previous = run.Previous;
        var name = run.Key.Name;
        if (outcome.Reason == Reasons.Suspended)
        {
            if (previous.Reason != Reasons.Suspended && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("GitRepository {Object} is suspended; remove its item \"suspend\" to resume", name);
            }
        }
        else if (outcome.Ready == ReadyState.True && run.Sync is { } sync)
        {
            var forcePushed = run.CommitChanged && IsForcePush(run);
            var level = forcePushed ? LogLevel.Warning : LogLevel.Information;
            if (run.CommitChanged && logger.IsEnabled(level))
            {
                logger.Log(level, "{Object}: {Change} commit {Commit} on {Ref} (was {PreviousCommit})",
                    run.Key, forcePushed ? "force-pushed to" : "new", sync.Ref.Commit, sync.Ref.Name, previous.CurrentCommit ?? "none");
            }

            if (previous.Ready == ReadyState.False && logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("GitRepository {Object} recovered after {Failures} failures ({PreviousReason}); serving {Commit}",
                    name, previous.ConsecutiveFailures, previous.Reason, sync.Ref.Commit);
            }
        }
    }

    private static bool IsForcePush(GitRepositoryRun run) =>
        run.Sync is { Outcome: SyncOutcome.ForcePushed } sync && run.Previous.CurrentCommit is not null
        && string.Equals(run.Previous.CurrentRef, sync.Ref.Name, StringComparison.Ordinal);

    private static ReconcileOutcome FromGitError(GitRepositoryRun run, GitException exception)
    {
        var message = $"GitRepository {run.Key.Name}: {exception.Message}";
        return exception.Kind switch
        {
            GitErrorKind.AuthenticationFailed or GitErrorKind.HostKeyUnknown => new ReconcileOutcome.Failed(Reasons.AuthenticationFailed, message, exception),
            GitErrorKind.RefNotFound => new ReconcileOutcome.Failed(Reasons.RefNotFound, message, exception),
            GitErrorKind.InvalidSpec or GitErrorKind.PathEscapesRepository => new ReconcileOutcome.Stalled(Reasons.InvalidSpec, message),
            _ => new ReconcileOutcome.Failed(Reasons.GitOperationFailed, $"{message} Retrying with backoff.", exception),
        };
    }
}

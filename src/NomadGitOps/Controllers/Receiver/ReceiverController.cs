using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Controllers.Receiver;

/// <summary>
/// Keeps each webhook Receiver's status: the hook path <c>status_url</c> (<c>/hook/</c> + hex SHA-256 of token, name and
/// namespace; it changes when the secret changes) and <c>status_ready</c>/<c>reason</c>/<c>message</c>. A receiver with an
/// invalid spec or a missing secret publishes no URL, so its old path stops answering; a suspended one keeps a path
/// (deliveries there are answered <c>503</c>), even with a broken spec (the one it published). It runs on the <see cref="ReconcileSkeleton"/>
/// as every controller: load, guards (suspended, then invalid), the step <c>ReadToken</c>, one pure summary
/// (<see cref="ReceiverStatus"/>), one write only if it changed, every <c>Failed</c> with its retry time after its failures
/// in a row (<see cref="FailuresInARow"/>). Deliveries themselves are taken by the HTTP server of every replica
/// (<see cref="WebhookEndpoint"/>).
/// </summary>
internal sealed class ReceiverController(
    ReconcileSkeleton skeleton,
    ReceiverSecrets secrets,
    ObjectStoreOptions store,
    ILogger<ReceiverController> logger) : IReconciler
{
    private readonly FailuresInARow failures = new();

    /// <inheritdoc/>
    public ControllerName Name => ControllerName.Receiver;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.Receiver;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReconcileOutcome.Failed? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct).ConfigureAwait(false);
        if (loadFailed is not null)
        {
            return skeleton.WithRetry(loadFailed, failures.After(key, loadFailed));
        }

        if (stored is null)
        {
            failures.Forget(key);
            return new ReconcileOutcome.UpToDate($"Receiver {key.Name} no longer exists.");
        }

        var run = new ReceiverRun(stored);
        var outcome = await GuardsAsync(run, ct).ConfigureAwait(false)
            ?? await ReconcileSkeleton.RunAsync(run, $"Receiver {key.Name}", Reasons.NomadUnavailable, [ReadToken], ct).ConfigureAwait(false) as ReconcileOutcome
            ?? Takes(run);
        var finished = await skeleton.FinishAsync(stored, outcome, failures.Before(key),
            (o, _, _) => new ReceiverStatus(run.Url, o.Ready, o.Reason, o.Message, SpecHash.Of(stored.Items)).ToPatch(), (_, written) => Report(run, written), ct).ConfigureAwait(false);
        failures.After(key, finished);
        return finished;
    }

    // Suspended first (even a broken receiver can be parked), then invalid. A suspended receiver keeps a hook path, so
    // that deliveries are answered 503 rather than 404: from its secret's token when the spec is valid and the token can be
    // read, else the one it published.
    private async Task<ReconcileOutcome?> GuardsAsync(ReceiverRun run, CancellationToken ct)
    {
        var name = run.Key.Name;
        var parsed = ReceiverSpec.Parse(run.Stored.Items);
        if (ReconcileSkeleton.IsSuspended(run.Stored.Items) || parsed.Spec?.Suspend == true)
        {
            run.Url = run.Stored.Items.GetValueOrDefault(ItemKeys.StatusUrl);
            if (parsed.Spec is { } valid)
            {
                var published = run.Url;
                run.Spec = valid;
                if (!(await ReadToken(run, ct).ConfigureAwait(false)).IsContinue)
                {
                    run.Url = published;
                }
            }

            var where = run.Url is { } url ? $"deliveries to {url} are answered 503" : "it takes no deliveries";
            return new ReconcileOutcome.UpToDate($"Receiver {name} is suspended: {where} until the item \"suspend\" is removed.", Reasons.Suspended);
        }

        if (parsed.Spec is not { } spec)
        {
            return new ReconcileOutcome.Stalled(Reasons.InvalidSpec,
                $"Receiver {name} has an invalid spec: {parsed.Describe()}. Fix the items (nomad var put) and it is reconciled at once.");
        }

        run.Spec = spec;
        return null;
    }

    // The secret's token makes the hook path; a missing or unreadable secret publishes none.
    private async Task<StepResult> ReadToken(ReceiverRun run, CancellationToken ct)
    {
        var name = run.Key.Name;
        var secret = run.Spec!.Secret;
        string? token;
        try
        {
            token = await secrets.ReadTokenAsync(secret, ct).ConfigureAwait(false);
        }
        catch (NomadApiException e) when (e.IsPermissionDenied)
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"Receiver {name}: the controller's Nomad token may not read the secret variable \"{secret}\". Allow read on that path in its ACL policy.", e);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return new ReconcileOutcome.Failed(Reasons.NomadUnavailable, $"Receiver {name}: reading the secret variable \"{secret}\" failed: {e.Message}. Retrying with backoff.", e);
        }

        if (token is null)
        {
            return new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"Receiver {name}: the secret variable \"{secret}\" (namespace \"{store.Namespace}\") does not exist or has no item \"token\". Create it: nomad var put {secret} token=<secret>.");
        }

        run.Url = HookPath.For(token, name, store.Namespace);
        return StepResult.Continue;
    }

    // One line when the hook path changed (published, moved with a new secret, withdrawn); failures and stalls are the
    // engine's one line per transition.
    private void Report(ReceiverRun run, StatusWriteResult written)
    {
        var before = run.Stored.Items.GetValueOrDefault(ItemKeys.StatusUrl);
        if (written == StatusWriteResult.Written && before != run.Url && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Receiver {Receiver} takes deliveries at {Url} (was {PreviousUrl})", run.Key.Name, run.Url ?? "none", before ?? "none");
        }
    }

    private static ReconcileOutcome.UpToDate Takes(ReceiverRun run)
    {
        var spec = run.Spec!;
        var type = ReceiverSpec.TypeNames.First(t => t.Value == spec.Type).Key;
        return new ReconcileOutcome.UpToDate(
            $"Receiver {run.Key.Name} takes {type} deliveries at {run.Url} (events: {string.Join(", ", spec.Events)}; repositories: {string.Join(", ", spec.Repositories)}).");
    }
}

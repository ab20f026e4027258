using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;

namespace NomadGitOps.Controllers.Receiver;

/// <summary>
/// Keeps each webhook Receiver's status: the hook path <c>status_url</c> (<c>/hook/</c> + hex SHA-256 of token, name and
/// namespace; it changes when the secret changes) and <c>status_ready</c>/<c>reason</c>/<c>message</c>. A receiver with an
/// invalid spec or a missing secret publishes no URL, so its old path stops answering. Deliveries themselves are taken by
/// the HTTP server of every replica (<see cref="WebhookEndpoint"/>).
/// </summary>
internal sealed class ReceiverController(
    ReconcileSkeleton skeleton,
    ReceiverSecrets secrets,
    EngineSettings settings,
    ILogger<ReceiverController> logger) : IReconciler
{
    /// <inheritdoc/>
    public ControllerName Name => ControllerName.Receiver;

    /// <inheritdoc/>
    public ObjectKind Kind => ObjectKind.Receiver;

    /// <inheritdoc/>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReconcileOutcome? loadFailed = null;
        var stored = await skeleton.LoadAsync(key, failed => loadFailed = failed, ct).ConfigureAwait(false);
        if (loadFailed is not null)
        {
            return loadFailed;
        }

        if (stored is null)
        {
            return new ReconcileOutcome.UpToDate($"Receiver {key.Name} no longer exists.");
        }

        // A receiver's status keeps no failure count: its retries start from the first backoff delay.
        var (outcome, url) = await DecideAsync(stored, ct).ConfigureAwait(false);
        return await skeleton.FinishAsync(stored, outcome, previousFailures: 0,
            (o, _, _) => new ReceiverStatus(url, o.Ready, o.Reason, o.Message, SpecHash.Of(stored.Items)).ToPatch(),
            (o, written) =>
            {
                if (written == StatusWriteResult.Written && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Receiver {Receiver}: {Reason}: {Message}", key.Name, o.Reason, o.Message);
                }
            },
            ct).ConfigureAwait(false);
    }

    private async Task<(ReconcileOutcome Outcome, string? Url)> DecideAsync(StoredObject stored, CancellationToken ct)
    {
        var name = stored.Key.Name;
        var parsed = ReceiverSpec.Parse(stored.Items);
        if (parsed.Spec is not { } spec)
        {
            return (new ReconcileOutcome.Stalled(Reasons.InvalidSpec,
                $"Receiver {name} has an invalid spec: {parsed.Describe()}. Fix the items (nomad var put) and it is reconciled at once."), null);
        }

        string? token;
        try
        {
            token = await secrets.ReadTokenAsync(spec.Secret, ct).ConfigureAwait(false);
        }
        catch (NomadApiException e) when (e.IsPermissionDenied)
        {
            return (new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"Receiver {name}: the controller's Nomad token may not read the secret variable \"{spec.Secret}\". Allow read on that path in its ACL policy.", e), null);
        }
        catch (Exception e) when (e is NomadApiException or HttpRequestException)
        {
            return (new ReconcileOutcome.Failed(Reasons.NomadUnavailable, $"Receiver {name}: reading the secret variable \"{spec.Secret}\" failed: {e.Message}", e), null);
        }

        if (token is null)
        {
            return (new ReconcileOutcome.Failed(Reasons.AuthenticationFailed,
                $"Receiver {name}: the secret variable \"{spec.Secret}\" (namespace \"{settings.Namespace}\") does not exist or has no item \"token\". Create it: nomad var put {spec.Secret} token=<secret>."), null);
        }

        var url = HookPath.For(token, name, settings.Namespace);
        var type = ReceiverSpec.TypeNames.First(t => t.Value == spec.Type).Key;
        if (spec.Suspend)
        {
            return (new ReconcileOutcome.UpToDate(
                $"Receiver {name} is suspended: deliveries to {url} are answered 503 until the item \"suspend\" is removed.", Reasons.Suspended), url);
        }

        return (new ReconcileOutcome.UpToDate(
            $"Receiver {name} takes {type} deliveries at {url} (events: {string.Join(", ", spec.Events)}; repositories: {string.Join(", ", spec.Repositories)})."), url);
    }
}

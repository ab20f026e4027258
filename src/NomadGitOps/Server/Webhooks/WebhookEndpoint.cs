using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Server.Metrics;

namespace NomadGitOps.Server.Webhooks;

/// <summary>
/// <c>POST /hook/&lt;id&gt;</c>: finds the receiver whose <c>status_url</c> is this path, verifies the delivery as its host
/// signs it, and answers at once: not POST <c>405</c>; unknown path <c>404</c>; body over the limit <c>413</c>; suspended
/// <c>503</c>; missing or wrong signature <c>401</c> (nothing written); no event header <c>400</c>; ping <c>200</c> (an
/// unsigned Bitbucket <c>diagnostics:ping</c> too, with nothing written); an event not in <c>events</c>
/// <c>200 {"ignored": …}</c>; malformed payload <c>400</c>; a push <c>200 {"triggered": [names]}</c>. The reconcile
/// requests and the delivery record are written in the background: the answer never waits for them, for git or for a
/// reconcile (GitLab disables hooks that take over 10 s).
/// </summary>
internal sealed class WebhookEndpoint(
    ObjectListCache objects,
    ReceiverSecrets secrets,
    ReconcileRequests requests,
    DeliveryRecorder deliveries,
    HttpServerOptions options,
    EngineSettings settings,
    TimeProvider time,
    ILogger<WebhookEndpoint> logger,
    NomadGitOpsMetrics? metrics = null)
{
    /// <summary>Answers one delivery to <c>/hook/<paramref name="id"/></c> and counts it by receiver type and answer.</summary>
    public async Task<IResult> HandleAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receiverType = new ReceiverType?[1];
        var answer = await DeliverAsync(context, id, receiverType).ConfigureAwait(false);
        metrics?.WebhookDelivery(receiverType[0], (answer as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK);
        return answer;
    }

    // receiverType[0] is set once the receiver's spec is known.
    private async Task<IResult> DeliverAsync(HttpContext context, string id, ReceiverType?[] receiverType)
    {
        var ct = context.RequestAborted;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            return Answer(StatusCodes.Status405MethodNotAllowed, "error", "Webhooks are delivered with POST.");
        }

        var receiver = (await objects.ListAsync(ObjectKind.Receiver, ct).ConfigureAwait(false))
            .FirstOrDefault(r => r.Items.TryGetValue(ItemKeys.StatusUrl, out var url) && url == HookPath.Prefix + id);
        if (receiver is null)
        {
            return Answer(StatusCodes.Status404NotFound, "error", "No receiver has this hook path.");
        }

        var body = await RequestBody.ReadAsync(context.Request, options.WebhookMaxBytes, options.BodyTimeout, ct).ConfigureAwait(false);
        if (body.Status != StatusCodes.Status200OK)
        {
            return Answer(body.Status, "error", body.Problem!);
        }

        var name = receiver.Key.Name;
        if (ReceiverSpec.Parse(receiver.Items).Spec is not { } spec)
        {
            return Answer(StatusCodes.Status503ServiceUnavailable, "error", $"Receiver {name} has an invalid spec; see its status_message.");
        }

        receiverType[0] = spec.Type;
        if (spec.Suspend)
        {
            return Answer(StatusCodes.Status503ServiceUnavailable, "error", $"Receiver {name} is suspended.");
        }

        var token = await secrets.ReadTokenAsync(spec.Secret, ct).ConfigureAwait(false);
        if (token is null || HookPath.Id(token, name, settings.Namespace) != id)
        {
            // The secret is gone or changed: this path is no longer the receiver's.
            return Answer(StatusCodes.Status404NotFound, "error", "No receiver has this hook path.");
        }

        string? Header(string header) => context.Request.Headers.TryGetValue(header, out var value) ? value.ToString() : null;
        if (spec.Type == ReceiverType.Bitbucket && Header("X-Hub-Signature") is null
            && string.Equals(Header("X-Event-Key")?.Trim(), "diagnostics:ping", StringComparison.OrdinalIgnoreCase))
        {
            // Bitbucket Server's "Test connection" may come unsigned (go-playground/webhooks, which Flux and Argo CD use,
            // answers it before any check). It is answered so the person sees the URL works; nothing is written.
            return Answer(StatusCodes.Status200OK, "ping", "ok");
        }

        if (!WebhookSignature.IsValid(spec.Type, Header, body.Bytes, token))
        {
            logger.LogWarning("Receiver {Receiver} refused a delivery from {Remote}: missing or wrong signature", name, context.Connection.RemoteIpAddress);
            return Answer(StatusCodes.Status401Unauthorized, "error", "Missing or wrong signature.");
        }

        var now = time.GetUtcNow();
        if (WebhookEvents.Of(spec.Type, Header, body.Bytes) is not { } eventName)
        {
            // Every host sends it; a delivery without it is a hand-made one (or a proxy dropped the header): say which.
            return Answer(StatusCodes.Status400BadRequest, "error",
                $"The delivery names no event: receiver {name} ({ReceiverSpec.TypeNames.First(t => t.Value == spec.Type).Key}) reads it from the {WebhookEvents.Header(spec.Type)} header, e.g. {WebhookEvents.Header(spec.Type)}: {spec.Events[0]}.");
        }

        if (WebhookEvents.IsPing(eventName))
        {
            deliveries.Record(receiver.Key, now, $"{eventName}: hook verified, nothing triggered");
            return Answer(StatusCodes.Status200OK, "ping", "ok");
        }

        if (!spec.Accepts(eventName))
        {
            deliveries.Record(receiver.Key, now, $"{eventName}: ignored (events are {string.Join(", ", spec.Events)})");
            return Answer(StatusCodes.Status200OK, "ignored", $"Event \"{eventName}\" is not in this receiver's events ({string.Join(", ", spec.Events)}).");
        }

        PushEvent push;
        try
        {
            push = WebhookPayload.Read(spec.Type, body.Bytes);
        }
        catch (WebhookPayloadException e)
        {
            return Answer(StatusCodes.Status400BadRequest, "error", $"The {eventName} payload could not be read: {e.Message}");
        }

        var repositories = await objects.ListAsync(ObjectKind.GitRepository, ct).ConfigureAwait(false);
        var triggered = PushMatcher.Match(push, spec, repositories);
        foreach (var repository in triggered)
        {
            requests.Request(ObjectKey.GitRepository(repository));
        }

        var what = Describe(eventName, push, triggered);
        deliveries.Record(receiver.Key, now, what);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Receiver {Receiver} took {Delivery}", name, what);
        }

        return Results.Json(new { triggered }, statusCode: StatusCodes.Status200OK);
    }

    private static IResult Answer(int status, string field, string text) =>
        Results.Json(new Dictionary<string, string> { [field] = text }, statusCode: status);

    private static string Describe(string eventName, PushEvent push, IReadOnlyList<string> triggered)
    {
        var refs = push.Changes.Count == 0 ? "" : " " + string.Join(", ", push.Changes.Select(c => c.Deleted ? c.Ref + " (deleted)" : c.Ref));
        var url = push.Urls.Count == 0 ? "" : " of " + SecretRedactor.RedactUrls(push.Urls[0]);
        var commit = push.Commit is { Length: >= 7 } sha ? $" at {sha[..7]}" : "";
        var result = triggered.Count == 0 ? "no GitRepository matched" : "triggered " + string.Join(", ", triggered);
        return $"{eventName}{refs}{url}{commit}: {result}";
    }
}

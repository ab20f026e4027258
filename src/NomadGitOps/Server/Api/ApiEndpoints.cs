using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NomadGitOps.Objects;

namespace NomadGitOps.Server.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c>, behind a bearer token (<c>NOMAD_GITOPS_API_TOKEN</c> or <c>--api-token-file</c>;
/// none set: <c>403</c> "API is off"; a wrong or missing token: <c>401</c>): reconcile, suspend and resume a
/// GitRepository or a NomadJob, pause and resume the controller, list every object. Writes go through
/// <see cref="ObjectCommands"/>: CAS writes of one item that keep a person's concurrent edit. Unknown objects and
/// actions are <c>404</c>; a reconcile of a suspended object is <c>409</c>.
/// </summary>
internal sealed class ApiEndpoints(
    ObjectCommands commands,
    ObjectStore store,
    ObjectListCache objects,
    HttpServerOptions options,
    ILogger<ApiEndpoints> logger)
{
    /// <summary>The actions an object takes.</summary>
    public static IReadOnlyList<string> ObjectActions { get; } = ["reconcile", "suspend", "resume"];

    /// <summary>The actions the controller takes.</summary>
    public static IReadOnlyList<string> ControllerActions { get; } = ["pause", "resume"];

    /// <summary><c>null</c> when the request may use the API, else the answer refusing it.</summary>
    public IResult? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.ApiToken is not { } token)
        {
            return Error(StatusCodes.Status403Forbidden, "API is off: start the controller with NOMAD_GITOPS_API_TOKEN or --api-token-file to turn it on.");
        }

        if (!ApiToken.Matches(context.Request.Headers.Authorization.ToString(), token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, "Missing or wrong bearer token.");
        }

        return null;
    }

    /// <summary><c>POST /api/v1/gitrepository/{name}/{action}</c>.</summary>
    public Task<IResult> GitRepositoryAsync(HttpContext context, string name, string action) =>
        ObjectActionAsync(context, () => ObjectKey.GitRepository(Uri.UnescapeDataString(name)), action);

    /// <summary><c>POST /api/v1/nomadjob/{namespace}/{job}/{action}</c>.</summary>
    public Task<IResult> NomadJobAsync(HttpContext context, string @namespace, string job, string action) =>
        ObjectActionAsync(context, () => ObjectKey.NomadJob(Uri.UnescapeDataString(@namespace), Uri.UnescapeDataString(job)), action);

    /// <summary><c>POST /api/v1/controller/{pause|resume}</c>.</summary>
    public async Task<IResult> ControllerAsync(HttpContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        var ct = context.RequestAborted;
        ObjectCommandResult result;
        switch (action)
        {
            case "pause":
                result = await commands.PauseControllerAsync(ct).ConfigureAwait(false);
                break;
            case "resume":
                result = await commands.ResumeControllerAsync(ct).ConfigureAwait(false);
                break;
            default:
                return Error(StatusCodes.Status404NotFound, $"The controller has no action \"{action}\": use {string.Join(" or ", ControllerActions)}.");
        }

        Log("controller", action, result);
        return Results.Json(new { @object = "controller", action, outcome = result.Outcome.ToString(), message = result.Message });
    }

    /// <summary><c>GET /api/v1/objects</c>: every object with its spec and status items, and whether the controller is paused.</summary>
    public async Task<IResult> ObjectsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        var ct = context.RequestAborted;
        var list = new List<object>();
        foreach (var kind in new[] { ObjectKind.GitRepository, ObjectKind.NomadJob, ObjectKind.Receiver, ObjectKind.Alert })
        {
            foreach (var stored in (await objects.ListAsync(kind, ct).ConfigureAwait(false)).OrderBy(o => o.Key.ToString(), StringComparer.Ordinal))
            {
                list.Add(new
                {
                    @object = stored.Key.ToString(),
                    kind = stored.Key.Kind.ToString().ToLowerInvariant(),
                    @namespace = stored.Key.Kind == ObjectKind.NomadJob ? stored.Key.Namespace : null,
                    name = stored.Key.Name,
                    modifyIndex = stored.ModifyIndex,
                    spec = Select(stored.Items, status: false),
                    status = Select(stored.Items, status: true),
                });
            }
        }

        var paused = await commands.IsControllerPausedAsync(ct).ConfigureAwait(false);
        return Results.Json(new { controller = new { paused }, objects = list });
    }

    private async Task<IResult> ObjectActionAsync(HttpContext context, Func<ObjectKey> key, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        ObjectKey target;
        try
        {
            target = key();
        }
        catch (ArgumentException)
        {
            return Error(StatusCodes.Status404NotFound, "No such object.");
        }

        var ct = context.RequestAborted;
        ObjectCommandResult result;
        switch (action)
        {
            case "reconcile":
                if (await store.ReadAsync(target, ct).ConfigureAwait(false) is { } current
                    && current.Items.TryGetValue(ItemKeys.Suspend, out var suspend) && suspend.Trim() == "true")
                {
                    return Error(StatusCodes.Status409Conflict, $"{target} is suspended: resume it first (POST …/resume).");
                }

                result = await commands.RequestReconcileAsync(target, ct).ConfigureAwait(false);
                break;
            case "suspend":
                result = await commands.SuspendAsync(target, ct).ConfigureAwait(false);
                break;
            case "resume":
                result = await commands.ResumeAsync(target, ct).ConfigureAwait(false);
                break;
            default:
                return Error(StatusCodes.Status404NotFound, $"Objects have no action \"{action}\": use {string.Join(", ", ObjectActions)}.");
        }

        if (result.Outcome == ObjectCommandOutcome.NotFound)
        {
            return Error(StatusCodes.Status404NotFound, $"{target} does not exist.");
        }

        Log(target.ToString(), action, result);
        return Results.Json(new
        {
            @object = target.ToString(),
            action,
            outcome = result.Outcome.ToString(),
            message = result.Message,
            requestedAt = result.RequestedAt,
        });
    }

    private void Log(string target, string action, ObjectCommandResult result)
    {
        if (result.Outcome == ObjectCommandOutcome.Written && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("API: {Action} of {Object}: {Message}", action, target, result.Message);
        }
    }

    // URL credentials are redacted from every value: a spec item a person wrote with a password in it (refused as
    // InvalidSpec, but stored) must not reach an API client who has the API token and no Nomad access.
    private static SortedDictionary<string, string> Select(IReadOnlyDictionary<string, string> items, bool status) =>
        new(items.Where(kv => ItemKeys.IsStatus(kv.Key) == status).ToDictionary(kv => kv.Key, kv => SecretRedactor.RedactUrls(kv.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Nomad.Client;

namespace NomadGitOps.Objects;

/// <summary>
/// The actions people and scripts take on objects, shared by the CLI verbs and the HTTP API: request a reconcile,
/// suspend, resume, and the controller-wide pause. Each is a CAS write of one item: on a conflict the variable is
/// read again and the item set anew onto what is there now, so every other item (a person's concurrent spec edit,
/// the controller's status) is kept. An object that does not exist is never created: the answer is
/// <see cref="ObjectCommandOutcome.NotFound"/>.
/// </summary>
internal sealed class ObjectCommands(
    NomadClient nomad, ObjectStore store, ObjectStoreOptions options, TimeProvider clock, ILogger<ObjectCommands> logger)
{
    /// <summary>
    /// The format of <c>reconcile_requested_at</c>: RFC 3339 in UTC with milliseconds, so two requests within one
    /// second are still two new values.
    /// </summary>
    public const string RequestedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private const int MaxConflictRetries = 10;
    private const string True = "true";

    /// <summary>Writes <c>reconcile_requested_at</c> = now on the object; the result carries the value written.</summary>
    public async Task<ObjectCommandResult> RequestReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        var requestedAt = clock.GetUtcNow().UtcDateTime.ToString(RequestedAtFormat, CultureInfo.InvariantCulture);
        var result = await SetObjectItemAsync(key, ItemKeys.ReconcileRequestedAt, requestedAt, ct).ConfigureAwait(false);
        return result.Outcome == ObjectCommandOutcome.NotFound
            ? result
            : result with { Message = $"Reconcile of {key} requested at {requestedAt}.", RequestedAt = requestedAt };
    }

    /// <summary>Sets <c>suspend=true</c> on the object: the controller stops reconciling it.</summary>
    public async Task<ObjectCommandResult> SuspendAsync(ObjectKey key, CancellationToken ct)
    {
        var result = await SetObjectItemAsync(key, ItemKeys.Suspend, True, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            ObjectCommandOutcome.Written => result with { Message = $"{key} suspended." },
            ObjectCommandOutcome.Unchanged => result with { Message = $"{key} was suspended already." },
            _ => result,
        };
    }

    /// <summary>Removes <c>suspend</c> from the object: the controller reconciles it again.</summary>
    public async Task<ObjectCommandResult> ResumeAsync(ObjectKey key, CancellationToken ct)
    {
        var result = await SetObjectItemAsync(key, ItemKeys.Suspend, null, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            ObjectCommandOutcome.Written => result with { Message = $"{key} resumed." },
            ObjectCommandOutcome.Unchanged => result with { Message = $"{key} was not suspended." },
            _ => result,
        };
    }

    /// <summary>Sets <c>suspend=true</c> on <c>&lt;prefix&gt;/controller</c> (creating it when absent): no object is reconciled.</summary>
    public async Task<ObjectCommandResult> PauseControllerAsync(CancellationToken ct)
    {
        var result = await SetControllerItemAsync(True, ct).ConfigureAwait(false);
        return result with
        {
            Message = result.Outcome == ObjectCommandOutcome.Written
                ? $"Controller paused: {result.Path} has suspend=true; no object is reconciled until 'nomad-gitops unpause'."
                : $"Controller was paused already ({result.Path} has suspend=true).",
        };
    }

    /// <summary>
    /// Removes <c>suspend</c> from <c>&lt;prefix&gt;/controller</c>; the variable is deleted when nothing else is in it
    /// (Nomad keeps no variable without items).
    /// </summary>
    public async Task<ObjectCommandResult> ResumeControllerAsync(CancellationToken ct)
    {
        var result = await SetControllerItemAsync(null, ct).ConfigureAwait(false);
        return result with
        {
            Message = result.Outcome == ObjectCommandOutcome.Written
                ? $"Controller resumed: {result.Path} no longer has suspend=true."
                : "Controller was not paused.",
        };
    }

    /// <summary>True when the controller-wide pause is on.</summary>
    public async Task<bool> IsControllerPausedAsync(CancellationToken ct)
    {
        var read = await nomad.Variables.ReadAsync(ControllerPath, Query(), ct).ConfigureAwait(false);
        return read.Value?.Items is { } items && items.TryGetValue(ItemKeys.Suspend, out var value)
            && string.Equals(value.Trim(), True, StringComparison.Ordinal);
    }

    private string ControllerPath => ObjectKey.ControllerPath(options.Prefix);

    private async Task<ObjectCommandResult> SetObjectItemAsync(ObjectKey key, string item, string? value, CancellationToken ct)
    {
        var path = key.ToPath(options.Prefix);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            if (await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } current)
            {
                return NotFound(key, path);
            }

            if (With(current.Items, item, value) is not { } wanted)
            {
                return new ObjectCommandResult(ObjectCommandOutcome.Unchanged, path, "", current.Items);
            }

            // An object holds its spec; one whose only item was this one keeps it as "false" rather than vanish.
            if (wanted.Count == 0)
            {
                wanted[item] = "false";
            }

            if (await store.ReplaceAsync(key, wanted, current.ModifyIndex, ct, onBehalfOfPerson: true).ConfigureAwait(false))
            {
                Log(path, item, value);
                return new ObjectCommandResult(ObjectCommandOutcome.Written, path, "", wanted);
            }

            LogConflict(path, attempt);
        }

        throw Contended(path);
    }

    private async Task<ObjectCommandResult> SetControllerItemAsync(string? value, CancellationToken ct)
    {
        var path = ControllerPath;
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var read = await nomad.Variables.ReadAsync(path, Query(), ct).ConfigureAwait(false);
            var items = read.Value?.Items ?? new Dictionary<string, string>(StringComparer.Ordinal);
            if (With(items, ItemKeys.Suspend, value) is not { } wanted)
            {
                return new ObjectCommandResult(ObjectCommandOutcome.Unchanged, path, "", items);
            }

            var cas = read.Value?.ModifyIndex ?? 0;
            var written = wanted.Count == 0
                ? await nomad.Variables.DeleteAsync(path, cas, Write(), ct).ConfigureAwait(false) is VariableDeleteResult.Deleted
                : await nomad.Variables.PutAsync(new Variable { Namespace = options.Namespace, Path = path, Items = wanted }, cas, Write(), ct)
                    .ConfigureAwait(false) is VariableWriteResult.Written;
            if (written)
            {
                Log(path, ItemKeys.Suspend, value);
                return new ObjectCommandResult(ObjectCommandOutcome.Written, path, "", wanted);
            }

            LogConflict(path, attempt);
        }

        throw Contended(path);
    }

    /// <summary>The items with <paramref name="item"/> set to <paramref name="value"/> (removed when null); null when that is how they are already.</summary>
    private static Dictionary<string, string>? With(IReadOnlyDictionary<string, string> items, string item, string? value)
    {
        var has = items.TryGetValue(item, out var existing);
        if (value is null ? !has : has && string.Equals(existing, value, StringComparison.Ordinal))
        {
            return null;
        }

        var wanted = new Dictionary<string, string>(items, StringComparer.Ordinal);
        if (value is null)
        {
            wanted.Remove(item);
        }
        else
        {
            wanted[item] = value;
        }

        return wanted;
    }

    private static ObjectCommandResult NotFound(ObjectKey key, string path) => new(
        ObjectCommandOutcome.NotFound,
        path,
        $"{key} does not exist (no variable at {path}): check the name, or list objects with 'nomad-gitops get {(key.Kind == ObjectKind.NomadJob ? "jobs" : "repos")}'.",
        new Dictionary<string, string>(StringComparer.Ordinal));

    private static InvalidOperationException Contended(string path) =>
        new($"{path} changed {MaxConflictRetries} times in a row while writing it; try again.");

    private void Log(string path, string item, string? value)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Wrote {Item}={Value} on {Path}", item, value ?? "(removed)", path);
        }
    }

    private void LogConflict(string path, int attempt)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Write to {Path} met a concurrent write (attempt {Attempt}); reading it again", path, attempt + 1);
        }
    }

    private QueryOptions Query() => new() { Namespace = options.Namespace };

    private WriteOptions Write() => new() { Namespace = options.Namespace };
}

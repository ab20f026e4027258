using Nomad.Client;
using NomadGitOps.Engine;
using NomadGitOps.Objects;

namespace NomadGitOps.Server;

/// <summary>
/// The writes the HTTP server makes on objects people own: one spec item set or removed (<c>reconcile_requested_at</c>,
/// <c>suspend</c>) and the controller-wide pause. Each is a CAS write of the item alone onto the variable as read; on a
/// conflict it reads again and re-applies only that item, so a person's concurrent edit of any other item is kept.
/// </summary>
internal sealed class ObjectEdits(ObjectStore store, NomadClient nomad, EngineSettings settings, TimeProvider time)
{
    private const int MaxAttempts = 10;

    /// <summary>The format of <c>reconcile_requested_at</c>: RFC 3339 in UTC with fractions, so two requests in one second differ.</summary>
    public const string RequestTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Writes <c>reconcile_requested_at</c> = now on <paramref name="key"/>, which makes the controllers reconcile it at once.</summary>
    public Task<EditResult> RequestReconcileAsync(ObjectKey key, CancellationToken ct) =>
        SetItemAsync(key, ItemKeys.ReconcileRequestedAt, time.GetUtcNow().UtcDateTime.ToString(RequestTimeFormat, System.Globalization.CultureInfo.InvariantCulture), ct);

    /// <summary>Sets <c>suspend=true</c> on <paramref name="key"/>, or removes the item when <paramref name="suspend"/> is false.</summary>
    public Task<EditResult> SetSuspendAsync(ObjectKey key, bool suspend, CancellationToken ct) =>
        SetItemAsync(key, ItemKeys.Suspend, suspend ? "true" : null, ct);

    /// <summary>Sets <paramref name="item"/> to <paramref name="value"/> (null removes it) with CAS, keeping every other item as stored.</summary>
    public async Task<EditResult> SetItemAsync(ObjectKey key, string item, string? value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.ReadAsync(key, ct).ConfigureAwait(false) is not { } current)
            {
                return EditResult.NotFound;
            }

            if (Edit(current.Items, item, value) is not { } items)
            {
                return EditResult.Unchanged;
            }

            if (await store.ReplaceAsync(key, items, current.ModifyIndex, ct).ConfigureAwait(false))
            {
                return EditResult.Written;
            }
        }

        throw new InvalidOperationException($"{key} changed {MaxAttempts} times in a row while setting \"{item}\"; try again.");
    }

    /// <summary>
    /// Sets (<paramref name="paused"/>) or removes <c>suspend=true</c> on <c>&lt;prefix&gt;/controller</c>, creating the
    /// variable when needed and keeping its other items.
    /// </summary>
    public async Task<EditResult> SetControllerPausedAsync(bool paused, CancellationToken ct)
    {
        var path = ObjectKey.ControllerPath(settings.Prefix);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false);
            var current = read.Value?.Items ?? new Dictionary<string, string>(StringComparer.Ordinal);
            if (Edit(current, ItemKeys.Suspend, paused ? "true" : null) is not { } items)
            {
                return EditResult.Unchanged;
            }

            var variable = new Variable { Namespace = settings.Namespace, Path = path, Items = items };
            var result = items.Count == 0 && read.Value is { } existing
                ? await nomad.Variables.DeleteAsync(path, existing.ModifyIndex, new WriteOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false) is VariableDeleteResult.Deleted
                : await nomad.Variables.PutAsync(variable, read.Value?.ModifyIndex ?? 0, new WriteOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false) is VariableWriteResult.Written;
            if (result)
            {
                return EditResult.Written;
            }
        }

        throw new InvalidOperationException($"{path} changed {MaxAttempts} times in a row while setting \"suspend\"; try again.");
    }

    // The items with one item set or removed; null when that changes nothing.
    private static Dictionary<string, string>? Edit(IReadOnlyDictionary<string, string> items, string item, string? value)
    {
        var has = items.TryGetValue(item, out var old);
        if ((value is null && !has) || (value is not null && has && old == value))
        {
            return null;
        }

        var edited = new Dictionary<string, string>(items, StringComparer.Ordinal);
        if (value is null)
        {
            edited.Remove(item);
        }
        else
        {
            edited[item] = value;
        }

        return edited;
    }
}

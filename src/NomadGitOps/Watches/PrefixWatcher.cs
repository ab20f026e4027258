using System.Globalization;
using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;

namespace NomadGitOps.Watches;

/// <summary>
/// Follows every variable under the object prefix with one blocking list (<c>GET /v1/vars?prefix=…&amp;index=…</c>)
/// and reports exactly the objects that need a look: new ones, deleted ones, and those whose <em>spec</em> changed.
/// Only variables whose ModifyIndex moved are read; a change that leaves the <see cref="SpecHash"/> as it was (the
/// controller's own status write) is no change. The same list carries the <c>&lt;prefix&gt;/controller</c> variable,
/// whose <c>suspend</c> item drives <see cref="ControllerPause"/>. Nomad errors are logged once and retried with backoff.
/// It fills the <see cref="ObjectCache"/> the controllers read from, and primes it once the first list is through. A
/// version the controllers wrote themselves is in the cache already (no read), or will be once Nomad's answer to the
/// write is back (the list can show it first: the watcher waits for that answer), and wakes nothing: the controller
/// that wrote it acted on it.
/// </summary>
internal sealed class PrefixWatcher
{
    /// <summary>How long a list that shows a write of ours waits for that write's answer before reading the variable.</summary>
    internal static readonly TimeSpan OwnWriteAnswerWait = TimeSpan.FromSeconds(3);

    private readonly NomadClient nomad;
    private readonly WatchOptions settings;
    private readonly ControllerPause pause;
    private readonly ObjectCache cache;
    private readonly TimeProvider time;
    private readonly ILogger<PrefixWatcher> logger;
    private readonly Backoff backoff;
    private readonly Lock gate = new();
    private readonly Dictionary<string, WatchedObject> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectKey, WatchedObject> byKey = [];
    private ulong controllerIndex;

    /// <summary>A watcher of <paramref name="settings"/>' prefix and namespace.</summary>
    public PrefixWatcher(NomadClient nomad, WatchOptions settings, ControllerPause pause, ObjectCache cache, TimeProvider time, ILogger<PrefixWatcher> logger)
    {
        this.nomad = nomad;
        this.settings = settings;
        this.pause = pause;
        this.cache = cache;
        this.time = time;
        this.logger = logger;
        backoff = new Backoff(settings.Backoff, new Random());
    }

    /// <summary>What the watcher last saw of <paramref name="key"/>; null when it does not know the object (never seen, or deleted).</summary>
    public WatchedObject? Find(ObjectKey key)
    {
        lock (gate)
        {
            return byKey.GetValueOrDefault(key);
        }
    }

    /// <summary>The object held by the variable at <paramref name="path"/>; null when the watcher knows no object there.</summary>
    public ObjectKey? FindByPath(string path)
    {
        lock (gate)
        {
            return byPath.GetValueOrDefault(path)?.Key;
        }
    }

    /// <summary>
    /// Lists everything once (each object reported as <see cref="ObjectChangeKind.Added"/>), then follows the prefix
    /// until <paramref name="ct"/> is cancelled, calling <paramref name="onChange"/> for each change found.
    /// </summary>
    public async Task RunAsync(Action<ObjectChange> onChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (gate)
        {
            byPath.Clear();
            byKey.Clear();
            controllerIndex = 0;
        }

        // The cache was emptied when the last term ended (below); what a controller wrote since this term began (an
        // object the index created before this first list) stays, so the list does not queue it a second time.
        try
        {
            await BlockingWatch.RunAsync((index, c) => PassAsync(index, onChange, c), settings.Prefix + "/", backoff, time, logger, ct, settings.WatchSpacing)
                .ConfigureAwait(false);
        }
        finally
        {
            // Out of a term nobody keeps the cache current: reads go to Nomad again.
            cache.Reset();
        }
    }

    // One list (blocking after the first), then the reads and reports it calls for; returns the index to block on next.
    private async Task<ulong> PassAsync(ulong index, Action<ObjectChange> onChange, CancellationToken ct)
    {
        var query = new QueryOptions
        {
            Namespace = settings.Namespace,
            Prefix = settings.Prefix + "/",
            Index = index == 0 ? null : index,
            Wait = index == 0 ? null : settings.WatchWait,
        };
        var list = await nomad.Variables.ListAllAsync(query, ct).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var controllerPath = ObjectKey.ControllerPath(settings.Prefix);
        var leaderPath = ObjectKey.LeaderPath(settings.Prefix);
        var controllerSeen = false;
        foreach (var meta in list.Value)
        {
            seen.Add(meta.Path);
            if (meta.Path == controllerPath)
            {
                controllerSeen = true;
                await CheckControllerAsync(meta.ModifyIndex, ct).ConfigureAwait(false);
                continue;
            }

            if (meta.Path == leaderPath)
            {
                continue;
            }

            await CheckObjectAsync(meta.Path, meta.ModifyIndex, onChange, ct).ConfigureAwait(false);
        }

        if (!controllerSeen)
        {
            controllerIndex = 0;
            pause.Set(false, controllerPath);
        }

        foreach (var gone in Forget(seen))
        {
            cache.Gone(gone, list.LastIndex);
            onChange(new ObjectChange(gone, ObjectChangeKind.Deleted));
        }

        cache.Prime();

        // An index that went backwards (a restored snapshot) starts over with a plain list.
        return list.LastIndex < index ? 0 : Math.Max(list.LastIndex, 1);
    }

    private async Task CheckControllerAsync(ulong modifyIndex, CancellationToken ct)
    {
        if (modifyIndex == controllerIndex)
        {
            return;
        }

        var path = ObjectKey.ControllerPath(settings.Prefix);
        var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false);
        controllerIndex = modifyIndex;
        pause.Set(ControllerPause.IsSuspended(read.Value?.Items), path);
    }

    private async Task CheckObjectAsync(string path, ulong modifyIndex, Action<ObjectChange> onChange, CancellationToken ct)
    {
        WatchedObject? previous;
        lock (gate)
        {
            previous = byPath.GetValueOrDefault(path);
        }

        if (previous is not null && previous.ModifyIndex == modifyIndex)
        {
            return;
        }

        // A write of ours applied but not answered yet is listed already: its answer puts it into the cache.
        await cache.Writes.WhenAnsweredAsync(path, OwnWriteAnswerWait, time, ct).ConfigureAwait(false);
        StoredObject current;
        OwnWrite? own = null;
        if (cache.FindByPath(path) is { } cached && cached.Object.ModifyIndex >= modifyIndex)
        {
            // Written by a controller here (read-your-writes), or read already: no need to ask Nomad.
            current = cached.Object;
            own = cached.OwnWrite;
        }
        else
        {
            var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false);
            if (read.Value is not { } variable)
            {
                // Deleted between the list and the read: the next list says so.
                return;
            }

            var items = variable.Items ?? new Dictionary<string, string>(StringComparer.Ordinal);
            if ((previous?.Key ?? ObjectKey.FromVariable(settings.Prefix, path, items)) is not { } found)
            {
                if (previous is null && logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Variable {Path} is under the object prefix but holds no object; ignoring it", path);
                }

                lock (gate)
                {
                    byPath[path] = new WatchedObject(null, variable.ModifyIndex, SpecHash.Of(items), null, 0);
                }

                return;
            }

            current = new StoredObject(found, items, variable.ModifyIndex);
            cache.Observed(current);
        }

        var key = current.Key;
        var watched = new WatchedObject(key, current.ModifyIndex, SpecHash.Of(current.Items), IntervalOf(current.Items), FailuresOf(current.Items));
        lock (gate)
        {
            byPath[path] = watched;
            byKey[key] = watched;
        }

        if (previous is null)
        {
            // An object a controller created here (the index) was queued by it already.
            if (own is not { SpecHashBefore: null })
            {
                onChange(new ObjectChange(key, ObjectChangeKind.Added));
            }
        }
        else if (!string.Equals(previous.SpecHash, watched.SpecHash, StringComparison.Ordinal)
            && !(own is not null && string.Equals(own.SpecHashBefore, previous.SpecHash, StringComparison.Ordinal)))
        {
            // A spec change of ours on top of what we last saw was acted on by the controller that wrote it.
            onChange(new ObjectChange(key, ObjectChangeKind.SpecChanged));
        }
    }

    private List<ObjectKey> Forget(HashSet<string> seen)
    {
        var gone = new List<ObjectKey>();
        lock (gate)
        {
            foreach (var path in byPath.Keys.Where(p => !seen.Contains(p)).ToList())
            {
                if (byPath.Remove(path, out var removed) && removed.Key is { } key)
                {
                    byKey.Remove(key);
                    gone.Add(key);
                }
            }
        }

        return gone;
    }

    private static TimeSpan? IntervalOf(IReadOnlyDictionary<string, string> items) =>
        items.TryGetValue(ItemKeys.Interval, out var text) && GoDuration.TryParse(text.Trim(), out var interval) && interval > TimeSpan.Zero
            ? interval
            : null;

    private static int FailuresOf(IReadOnlyDictionary<string, string> items) =>
        items.TryGetValue(ItemKeys.StatusConsecutiveFailures, out var text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var failures) && failures > 0
            ? failures
            : 0;
}

using Microsoft.Extensions.Logging;
using Nomad.Client;
using NomadGitOps.Objects;

namespace NomadGitOps.Engine;

/// <summary>
/// Leader election through a Nomad variable lock on <c>&lt;prefix&gt;/leader</c>, so that several replicas can run
/// and exactly one acts. The holder renews every TTL/2 on the injected clock; when Nomad answers that the lock is no
/// longer ours, or no renew has gone through for a whole TTL (Nomad frees it 2×TTL + lock delay after the last one),
/// it stops acting at once. Replicas that do not hold the lock try again every TTL/2, and at once when the variable
/// changes (a blocking read on its index wakes them when Nomad frees an expired lock or the holder releases it), so a
/// handover takes at most 2×TTL + lock delay after the holder's last renew, not that plus a retry period. The holder
/// watches the variable the same way and renews at once when it changes, so a lock taken from it (released or
/// deleted by hand) stops it within one round trip instead of up to TTL/2; a failed read of that watch is tried again
/// after TTL/10, not at the next renew. On shutdown the lock is released.
/// </summary>
internal sealed class LeaderElection(NomadClient nomad, EngineSettings settings, TimeProvider time, ILogger<LeaderElection> logger)
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private int acquireAttempts;
    private volatile bool isLeader;

    /// <summary>True while this replica holds the lock and acts.</summary>
    public bool IsLeader => isLeader;

    /// <summary>How many times this replica asked Nomad for the lock.</summary>
    public int AcquireAttempts => Volatile.Read(ref acquireAttempts);

    /// <summary>
    /// Until <paramref name="stopping"/> is cancelled: takes the lock when it can and runs <paramref name="lead"/> while
    /// holding it. <paramref name="lead"/> gets two tokens: <c>stop</c> (stop starting work: shutdown or lost lock) and
    /// <c>lost</c> (the lock is gone: cancel work in hand now). It must return soon after <c>stop</c> is cancelled.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, CancellationToken, Task> lead, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var path = ObjectKey.LeaderPath(settings.Prefix);
        var waitingLogged = false;
        var errors = 0;
        while (!stopping.IsCancellationRequested)
        {
            LockAcquireResult result;
            ulong seen;
            try
            {
                seen = await IndexAsync(path, stopping).ConfigureAwait(false);
                Interlocked.Increment(ref acquireAttempts);
                result = await nomad.Variables.AcquireLockAsync(path, settings.LeaderTtl, settings.LeaderLockDelay, HolderItems(), Write(), stopping).ConfigureAwait(false);
                errors = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (errors++ == 0)
                {
                    logger.LogWarning(e, "Could not ask Nomad for the leader lock {Path}: {Error}; trying again", path, e.Message);
                }

                if (!await PauseAsync(RetryInterval, stopping).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (result is not LockAcquireResult.Acquired acquired)
            {
                if (!waitingLogged)
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Another replica holds the leader lock {Path}; standing by", path);
                    }
                    waitingLogged = true;
                }

                if (!await PauseOrChangeAsync(RetryInterval, path, seen, stopping).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            waitingLogged = false;
            await LeadAsync(path, acquired.LockId, acquired.Variable.ModifyIndex, lead, stopping).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryInterval => settings.LeaderTtl / 2;

    // How soon a failed watch of the leader variable is read again.
    private TimeSpan WatchRetry => settings.LeaderTtl / 10;

    private async Task LeadAsync(string path, string lockId, ulong index, Func<CancellationToken, CancellationToken, Task> lead, CancellationToken stopping)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Became leader: holding {Path} (TTL {Ttl})", path, settings.LeaderTtl);
        }
        isLeader = true;
        using var lost = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, lost.Token);
        var renewing = RenewAsync(path, lockId, index, lost, stop.Token);
        try
        {
            await lead(stop.Token, lost.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The controllers stopped unexpectedly while leading: {Error}; stepping down", e.Message);
        }
        finally
        {
            isLeader = false;
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        if (lost.IsCancellationRequested)
        {
            // Taken from us (expired unnoticed, released by hand): a standby that saw it go free goes first, as this
            // replica may be the one in trouble; asking again at once would race it for the lock.
            if (!stopping.IsCancellationRequested)
            {
                await PauseAsync(RetryInterval, stopping).ConfigureAwait(false);
            }

            return;
        }

        await ReleaseAsync(path, lockId).ConfigureAwait(false);
        if (!stopping.IsCancellationRequested)
        {
            // Stepping down after an error: give another replica the chance to take over.
            await PauseAsync(RetryInterval, stopping).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(string path, string lockId, ulong index, CancellationTokenSource lost, CancellationToken stop)
    {
        var lastRenewed = time.GetUtcNow();
        var delay = settings.LeaderTtl / 2;
        while (await PauseOrChangeAsync(delay, path, index, stop).ConfigureAwait(false))
        {
            try
            {
                index = await IndexAsync(path, stop).ConfigureAwait(false) is > 0 and var now ? now : index;
                var result = await nomad.Variables.RenewLockAsync(path, lockId, Write(), stop).ConfigureAwait(false);
                if (result is LockRenewResult.Lost gone)
                {
                    logger.LogWarning("Lost leadership: Nomad says the lock {Path} is no longer ours ({Reason}); stopping at once", path, gone.Reason);
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                lastRenewed = time.GetUtcNow();
                delay = settings.LeaderTtl / 2;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (time.GetUtcNow() - lastRenewed >= settings.LeaderTtl)
                {
                    logger.LogWarning(e, "Lost leadership: the lock {Path} could not be renewed for {Ttl} ({Error}); stopping at once", path, settings.LeaderTtl, e.Message);
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                logger.LogWarning(e, "Renewing the leader lock {Path} failed: {Error}; trying again", path, e.Message);
                delay = settings.LeaderTtl / 6;
            }
        }
    }

    private async Task ReleaseAsync(string path, string lockId)
    {
        using var timeout = new CancellationTokenSource(ReleaseTimeout, time);
        try
        {
            var result = await nomad.Variables.ReleaseLockAsync(path, lockId, Write(), timeout.Token).ConfigureAwait(false);
            if (result is LockReleaseResult.Lost gone)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("The leader lock {Path} was no longer ours to release ({Reason})", path, gone.Reason);
                }
            }
            else
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Released the leader lock {Path}", path);
                }
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release the leader lock {Path}: {Error}; another replica takes over once it expires", path, e.Message);
        }
    }

    // The leader variable's modify index (0 when it is missing or cannot be read: then only the timer wakes us).
    private async Task<ulong> IndexAsync(string path, CancellationToken ct)
    {
        try
        {
            var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = settings.Namespace }, ct).ConfigureAwait(false);
            return read.Value?.ModifyIndex ?? 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    // Waits out the delay on the injected clock, or less when the leader variable's index moves past `seen` (a
    // blocking read); false when cancelled. A failing or unchanged read leaves only the timer.
    private async Task<bool> PauseOrChangeAsync(TimeSpan delay, string path, ulong seen, CancellationToken ct)
    {
        if (seen == 0)
        {
            return await PauseAsync(delay, ct).ConfigureAwait(false);
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pause = PauseAsync(delay, either.Token);
        var change = ChangeAsync(path, seen, delay * 2, either.Token);
        await Task.WhenAny(pause, change).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pause, change).ConfigureAwait(false);
        return !ct.IsCancellationRequested;
    }

    // Returns when the variable changed after index `seen`; otherwise reads again until cancelled. A read that fails
    // (a fault, a dropped connection) or comes back unchanged is tried again after WatchRetry, so one failed read does
    // not leave the holder blind to a lock taken from it until its next renew (up to TTL/2, while another replica that
    // took the lock already acts).
    private async Task ChangeAsync(string path, ulong seen, TimeSpan wait, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var read = await nomad.Variables.ReadAsync(path, new QueryOptions { Namespace = settings.Namespace, Index = seen, Wait = wait }, ct).ConfigureAwait(false);
                if (read.Value is null || read.Value.ModifyIndex != seen)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Read again after the pause below.
            }

            if (!await PauseAsync(WatchRetry, ct).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // False when cancelled.
    private async Task<bool> PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Dictionary<string, string> HolderItems() => new(StringComparer.Ordinal)
    {
        ["holder"] = settings.ControllerName,
        ["host"] = Environment.MachineName,
        ["pid"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private WriteOptions Write() => new() { Namespace = settings.Namespace };
}

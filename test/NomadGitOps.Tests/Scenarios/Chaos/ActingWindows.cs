using System.Security.Cryptography;
using System.Text;
using Nomad.Emulator.Faults;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// Reads the emulator's write log for the chaos suite: who held the leader lock when (each successful
/// <c>lock-acquire</c> starts a term of its client), which writes of a replica fell outside its own term (a write
/// started or answered after another replica's acquire: two replicas acting at once), and how long the lock stood
/// between holders (from the last acquire or renew of one holder to the next holder's acquire).
/// <para>
/// One overlap no Nomad lock can prevent is told apart: when someone else releases the holder's lock
/// (<c>lock-release</c> with its ID, not by a replica), another replica may acquire it at once while the holder has not
/// yet heard; the holder's writes issued before it stepped down are <see cref="HandReleaseOverlap"/>, not
/// <see cref="Interleaved"/>. It stepped down before its next <c>lock-acquire</c> attempt (the election asks again only
/// after the controllers of its term have returned), so a write of it that started after that attempt started, or one
/// outside any of its terms, is still a violation.
/// </para>
/// </summary>
internal sealed class ActingWindows(IReadOnlyList<LoggedRequest> log, string leaderPath, IReadOnlyDictionary<string, string> replicas)
{
    /// <summary>The client name the emulator logs for a token (<c>token:</c> + 12 hex digits of its SHA-256).</summary>
    public static string ClientOf(string token) =>
        "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];

    private bool OnLock(LoggedRequest r) => r.Path.EndsWith(leaderPath, StringComparison.Ordinal);

    private static bool Is(LoggedRequest r, string operation) => r.Query.Contains(operation, StringComparison.Ordinal);

    private IEnumerable<LoggedRequest> Acquires => log
        .Where(r => OnLock(r) && Is(r, "lock-acquire") && r.Status == 200)
        .OrderBy(r => r.Ended);

    /// <summary>Successful acquires by a replica other than the previous holder.</summary>
    public int Handovers => Acquires.Select(a => a.Client).Aggregate((Count: 0, Last: ""), (s, c) => (s.Count + (s.Last.Length > 0 && s.Last != c ? 1 : 0), c)).Count;

    /// <summary>Writes of a replica (not to the lock) that started or were answered in another replica's term, described.</summary>
    public IReadOnlyList<string> Interleaved() => [.. Outside().Where(w => !w.ReleasedByHand).Select(w => w.Description)];

    /// <summary>
    /// Writes of a holder whose lock someone else released, issued after another replica took the lock and before the
    /// holder stepped down (no Nomad lock fences them), described.
    /// </summary>
    public IReadOnlyList<string> HandReleaseOverlap() => [.. Outside().Where(w => w.ReleasedByHand).Select(w => w.Description)];

    /// <summary>Every lock operation on the leader lock (acquire, renew, release), described in time order (for a failure's report).</summary>
    public IEnumerable<string> LockOperations() => log
        .Where(r => OnLock(r) && Is(r, "lock-"))
        .OrderBy(r => r.Started)
        .Select(r => $"{r.Query} by {replicas.GetValueOrDefault(r.Client, r.Client)} {r.Started:HH:mm:ss.fff}–{r.Ended:HH:mm:ss.fff} (status {r.Status})");

    /// <summary>For each change of holder: the new acquire's answer minus the previous holder's last acquire or renew answer.</summary>
    public IReadOnlyList<TimeSpan> LockGaps()
    {
        var lockWrites = log
            .Where(r => OnLock(r) && r.Status == 200 && (Is(r, "lock-acquire") || Is(r, "lock-renew")))
            .OrderBy(r => r.Ended)
            .ToList();
        var gaps = new List<TimeSpan>();
        LoggedRequest? last = null;
        foreach (var write in lockWrites)
        {
            if (last is not null && write.Client != last.Client && Is(write, "lock-acquire"))
            {
                gaps.Add(write.Ended - last.Ended);
            }

            last = write;
        }

        return gaps;
    }

    // Every write of a replica (not to the lock) that started or was answered in another replica's term.
    private IEnumerable<(string Description, bool ReleasedByHand)> Outside()
    {
        var acquires = Acquires.ToList();
        foreach (var write in log.Where(r => replicas.ContainsKey(r.Client) && !OnLock(r)))
        {
            var atStart = acquires.LastOrDefault(a => a.Ended <= write.Started);
            var atEnd = acquires.LastOrDefault(a => a.Started <= write.Ended);
            if (atStart is not null && atStart.Client != write.Client || atEnd is not null && atEnd.Client != write.Client)
            {
                yield return ($"{write.Method} {write.Path}{write.Query} by {replicas[write.Client]} {write.Started:HH:mm:ss.fff}–{write.Ended:HH:mm:ss.fff} " +
                    $"(status {write.Status}) while {Name(atStart)} / {Name(atEnd)} held the lock", IssuedBeforeHandReleaseNoticed(write, atStart is not null && atStart.Client != write.Client ? atStart : atEnd!, acquires));
            }
        }
    }

    // The write started in a term of its replica (after its own acquire), someone other than a replica released the
    // lock in that term before the other replica's acquire went through, and the write started before the replica's
    // next acquire attempt after that release.
    private bool IssuedBeforeHandReleaseNoticed(LoggedRequest write, LoggedRequest other, List<LoggedRequest> acquires)
    {
        var own = acquires.LastOrDefault(a => a.Client == write.Client && a.Ended <= write.Started);
        if (own is null)
        {
            return false;
        }

        var release = log
            .Where(r => OnLock(r) && Is(r, "lock-release") && r.Status == 200 && !replicas.ContainsKey(r.Client) && r.Started >= own.Ended && r.Started <= other.Ended)
            .MinBy(r => r.Started);
        if (release is null)
        {
            return false;
        }

        var steppedDown = log
            .Where(r => r.Client == write.Client && OnLock(r) && Is(r, "lock-acquire") && r.Started >= release.Ended)
            .MinBy(r => r.Started);
        return steppedDown is not null && write.Started < steppedDown.Started;
    }

    private string Name(LoggedRequest? acquire) => acquire is null ? "nobody" : replicas.GetValueOrDefault(acquire.Client, acquire.Client);
}

using System.Security.Cryptography;
using System.Text;
using Nomad.Emulator.Faults;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// Reads the emulator's write log for the chaos suite: who held the leader lock when (each successful
/// <c>lock-acquire</c> starts a term of its client), which writes of a replica fell outside its own term (a write
/// started or answered after another replica's acquire: two replicas acting at once), and how long the lock stood
/// between holders (from the last acquire or renew of one holder to the next holder's acquire).
/// </summary>
internal sealed class ActingWindows(IReadOnlyList<LoggedRequest> log, string leaderPath, IReadOnlyDictionary<string, string> replicas)
{
    /// <summary>The client name the emulator logs for a token (<c>token:</c> + 12 hex digits of its SHA-256).</summary>
    public static string ClientOf(string token) =>
        "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];

    private IEnumerable<LoggedRequest> Acquires => log
        .Where(r => r.Path.EndsWith(leaderPath, StringComparison.Ordinal) && r.Query.Contains("lock-acquire", StringComparison.Ordinal) && r.Status == 200)
        .OrderBy(r => r.Ended);

    /// <summary>Successful acquires by a replica other than the previous holder.</summary>
    public int Handovers => Acquires.Select(a => a.Client).Aggregate((Count: 0, Last: ""), (s, c) => (s.Count + (s.Last.Length > 0 && s.Last != c ? 1 : 0), c)).Count;

    /// <summary>Writes of a replica (not to the lock) that started or were answered in another replica's term, described.</summary>
    public IReadOnlyList<string> Interleaved()
    {
        var acquires = Acquires.ToList();
        var found = new List<string>();
        foreach (var write in log.Where(r => replicas.ContainsKey(r.Client) && !r.Path.EndsWith(leaderPath, StringComparison.Ordinal)))
        {
            var atStart = acquires.LastOrDefault(a => a.Ended <= write.Started);
            var atEnd = acquires.LastOrDefault(a => a.Started <= write.Ended);
            if (atStart is not null && atStart.Client != write.Client || atEnd is not null && atEnd.Client != write.Client)
            {
                found.Add($"{write.Method} {write.Path}{write.Query} by {replicas[write.Client]} {write.Started:HH:mm:ss.fff}–{write.Ended:HH:mm:ss.fff} " +
                    $"(status {write.Status}) while {Name(atStart)} / {Name(atEnd)} held the lock");
            }
        }

        return found;
    }

    /// <summary>Every lock operation on the leader lock (acquire, renew, release), described in time order (for a failure's report).</summary>
    public IEnumerable<string> LockOperations() => log
        .Where(r => r.Path.EndsWith(leaderPath, StringComparison.Ordinal) && r.Query.Contains("lock-", StringComparison.Ordinal))
        .OrderBy(r => r.Started)
        .Select(r => $"{r.Query} by {replicas.GetValueOrDefault(r.Client, r.Client)} {r.Started:HH:mm:ss.fff}–{r.Ended:HH:mm:ss.fff} (status {r.Status})");

    /// <summary>For each change of holder: the new acquire's answer minus the previous holder's last acquire or renew answer.</summary>
    public IReadOnlyList<TimeSpan> LockGaps()
    {
        var lockWrites = log
            .Where(r => r.Path.EndsWith(leaderPath, StringComparison.Ordinal) && r.Status == 200 && (r.Query.Contains("lock-acquire", StringComparison.Ordinal) || r.Query.Contains("lock-renew", StringComparison.Ordinal)))
            .OrderBy(r => r.Ended)
            .ToList();
        var gaps = new List<TimeSpan>();
        LoggedRequest? last = null;
        foreach (var write in lockWrites)
        {
            if (last is not null && write.Client != last.Client && write.Query.Contains("lock-acquire", StringComparison.Ordinal))
            {
                gaps.Add(write.Ended - last.Ended);
            }

            last = write;
        }

        return gaps;
    }

    private string Name(LoggedRequest? acquire) => acquire is null ? "nobody" : replicas.GetValueOrDefault(acquire.Client, acquire.Client);
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NomadGitOps.Testing;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// Two `nomad-gitops run` replicas as real child processes on one Nomad (leader TTL 10 s, lock delay 1 s, JSON logs):
/// the leader is killed with SIGKILL and a new replica started in its place, and the handover is timed. Each replica
/// sends its own token (<c>replica-N</c>; the emulator runs without ACLs, so it is only a name), by which the
/// emulator's write log tells their requests apart.
/// </summary>
internal sealed class ChaosReplicas(Uri nomad, string scratch) : IAsyncDisposable
{
    /// <summary>The leader lock's TTL the replicas run with.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    /// <summary>The leader lock's delay the replicas run with.</summary>
    public static readonly TimeSpan LockDelay = TimeSpan.FromSeconds(1);

    private readonly List<ChildProgram> running = [];
    private readonly List<ChildProgram> ended = [];
    private readonly Dictionary<string, string> clients = [];
    private int started;

    /// <summary>The emulator's client name of each replica started (see <see cref="ActingWindows.ClientOf"/>) → <c>replica-N</c>.</summary>
    public IReadOnlyDictionary<string, string> Clients => clients;

    /// <summary>The disk cache directory of each replica running.</summary>
    public IEnumerable<string> CacheDirectories => Enumerable.Range(1, started).Select(CacheDirectory);

    /// <summary>Everything every replica printed, the killed ones included.</summary>
    public string Output => string.Join('\n', ended.Concat(running).Select(r => r.Output));

    /// <summary>Starts two replicas and waits until one leads.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        Start();
        Start();
        await LeaderAsync(TimeSpan.FromMinutes(2), ct);
    }

    /// <summary>SIGKILLs the leader, starts a new replica in its place, and returns how long until another one led.</summary>
    public async Task<TimeSpan> KillLeaderAsync(CancellationToken ct)
    {
        var leader = await LeaderAsync(TimeSpan.FromMinutes(2), ct);
        var clock = Stopwatch.StartNew();
        await leader.SignalAsync("KILL", ct);
        await leader.WaitForExitAsync(TimeSpan.FromMinutes(1), ct);
        running.Remove(leader);
        ended.Add(leader);
        Start();
        await LeaderAsync(TimeSpan.FromMinutes(2), ct);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in running.Concat(ended))
        {
            await replica.DisposeAsync();
        }
    }

    // A replica leads when it said "Became leader" more often than "Lost leadership".
    private static bool Leads(ChildProgram replica) =>
        !replica.HasExited && Count(replica, "Became leader") > Count(replica, "Lost leadership");

    private static int Count(ChildProgram replica, string text) =>
        replica.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private async Task<ChildProgram> LeaderAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (running.FirstOrDefault(Leads) is { } leader)
            {
                return leader;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"No replica leads after {timeout}:\n{Output[^Math.Min(Output.Length, 6000)..]}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private void Start()
    {
        var number = ++started;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var token = $"replica-{number}";
        clients[ActingWindows.ClientOf(token)] = token;
        running.Add(ChildProgram.Start("nomad-gitops.dll",
            ["run", "--address", nomad.ToString().TrimEnd('/'), "--cache-dir", CacheDirectory(number),
             "--http-addr", $"127.0.0.1:{port}", "--interval", "2s", "--log-format", "json"],
            new Dictionary<string, string>
            {
                ["NOMAD_GITOPS_LEADER_TTL"] = "10s",
                ["NOMAD_GITOPS_LEADER_LOCK_DELAY"] = "1s",
                ["NO_COLOR"] = "1",
                ["NOMAD_TOKEN"] = token,
            }));
    }

    private string CacheDirectory(int number) => Path.Combine(scratch, $"cache-{number}");
}

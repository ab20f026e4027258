using System.Diagnostics;
using System.Text.Json.Nodes;
using Nomad.Client;
using Nomad.Emulator.Faults;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Scenarios.BadInput;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// The chaos suite (issue 12 §1): the standalone emulator program, two repositories (one served by <c>git daemon</c>,
/// one by <c>git http-backend</c> with basic auth from a secret variable) and two `nomad-gitops run` replicas, while a
/// driver commits job changes to both, a "person" edits the GitRepository objects and hand-edits, stops and purges
/// managed jobs of either, and one fault per round is injected (see <see cref="Faults"/>; the git faults hit both
/// servers); every seventh round (every second in the long form) the leading replica is SIGKILLed and replaced. After the faults clear: every job converged to its
/// last commit, 0 lost edits, 0 extra job versions (versions ≤ real spec changes + drift corrections + 1), 0 decoy
/// jobs touched, and no write by a replica outside its own term of the leader lock (the emulator's write log); prints
/// the counts, the longest handover and the longest gap of the lock between holders.
/// <c>NOMAD_GITOPS_CHAOS=long</c> runs 40 rounds with 20 kills instead of 15 with 2.
/// </summary>
public sealed class ChaosScenario
{
    // The jobs of the git daemon repository and of the http-backend one.
    private static readonly string[] DaemonJobs = ["alpha", "beta", "gamma"];
    private static readonly string[] HttpJobs = ["delta", "epsilon"];

    // One fault per round, in turn.
    private static readonly string[] Faults =
    [
        "500s", "latency", "no cluster leader", "dropped connections", "answers lost after the write", "concurrent writer",
        "lock released under the holder", "lock expired under the holder", "git server restarted", "force-push",
        "repository deleted and recreated", "cache directories removed", "job hand-edited", "job stopped", "job purged",
    ];

    [Fact]
    public async Task Faults_and_leader_kills_lose_no_edit_add_no_job_version_touch_no_decoy_and_never_let_two_replicas_act()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = TestContext.Current.TestOutputHelper;
        var isLong = Environment.GetEnvironmentVariable("NOMAD_GITOPS_CHAOS") == "long";
        var rounds = isLong ? 40 : Faults.Length;
        bool Kills(int round) => isLong ? round % 2 == 1 : round % 7 == 6;
        var scratch = Path.Combine(Path.GetTempPath(), "chaos-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(scratch);
        try
        {
            await using var nomad = await ChaosNomad.StartAsync(ct);
            using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
            await using var daemonRepo = await ChaosRepository.CreateAsync(GitServerKind.Daemon, "apps", DaemonJobs, ct);
            await using var httpRepo = await ChaosRepository.CreateAsync(GitServerKind.Http, "web", HttpJobs, ct);
            ChaosRepository[] repositories = [daemonRepo, httpRepo];
            var decoys = new Dictionary<string, string>();
            foreach (var decoy in new[] { "decoy-1", "decoy-2" })
            {
                var parsed = await client.Jobs.ParseAsync(new JobParseRequest(BadInputCorpus.Hcl(decoy)), ct: ct);
                await client.Jobs.RegisterAsync(new JobRegisterRequest(parsed), ct: ct);
                decoys[decoy] = Identity((await client.Jobs.ReadAsync(decoy, ct: ct)).Value);
            }

            var apps = ObjectKey.GitRepository("apps").ToPath(ObjectKey.DefaultPrefix);
            var web = ObjectKey.GitRepository("web").ToPath(ObjectKey.DefaultPrefix);
            var leader = ObjectKey.LeaderPath(ObjectKey.DefaultPrefix);
            await client.Variables.PutAsync(new Variable { Path = apps, Items = new Dictionary<string, string> { ["url"] = daemonRepo.Builder.Url, ["interval"] = "2s" } }, cas: 0, ct: ct);
            var credentials = httpRepo.Server.Credentials;
            await client.Variables.PutAsync(new Variable { Path = "secrets/web", Items = new Dictionary<string, string> { ["username"] = credentials.Username!, ["password"] = credentials.Password! } }, cas: 0, ct: ct);
            await client.Variables.PutAsync(new Variable { Path = web, Items = new Dictionary<string, string> { ["url"] = httpRepo.Builder.Url, ["interval"] = "2s", ["secret"] = "secrets/web" } }, cas: 0, ct: ct);

            await using var replicas = new ChaosReplicas(nomad.Address, scratch);
            await replicas.StartAsync(ct);
            var random = new Random(12);
            var handovers = new List<TimeSpan>();
            var edits = new Dictionary<string, string>();
            var (commits, drifts) = (0, 0);
            for (var round = 0; round < rounds; round++)
            {
                // A count change in each repository; the job faults take the daemon's job in even rounds, the http one in odd.
                var job = DaemonJobs[round % DaemonJobs.Length];
                var httpJob = HttpJobs[round % HttpJobs.Length];
                var fault = Faults[round % Faults.Length];
                await daemonRepo.CommitCountAsync(job, ct);
                await httpRepo.CommitCountAsync(httpJob, ct);
                commits += 2;
                var (target, targetRepo) = round % 2 == 0 ? (job, daemonRepo) : (httpJob, httpRepo);
                await PersonEditsAsync(client, round % 2 == 0 ? apps : web, $"edit {round}", edits, ct);
                log?.WriteLine($"round {round}: {job} count {daemonRepo.Counts[job]}, {httpJob} count {httpRepo.Counts[httpJob]}, fault: {fault}{(Kills(round) ? ", leader SIGKILL" : "")}");
                switch (fault)
                {
                    case "500s":
                        await nomad.AddFaultAsync(new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.Respond, Status = 500, Times = 8 }, ct);
                        break;
                    case "latency":
                        await nomad.AddFaultAsync(new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.Delay, Latency = TimeSpan.FromMilliseconds(300), Duration = TimeSpan.FromSeconds(3) }, ct);
                        break;
                    case "no cluster leader":
                        await nomad.AddFaultAsync(new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.NoLeader, Duration = TimeSpan.FromSeconds(2) }, ct);
                        break;
                    case "dropped connections":
                        await nomad.AddFaultAsync(new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.Drop, Times = 6 }, ct);
                        break;
                    case "answers lost after the write":
                        await nomad.AddFaultAsync(new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.DropAfterApply, Times = 6 }, ct);
                        break;
                    case "concurrent writer":
                        await ConcurrentWriterAsync(client, round, edits, TimeSpan.FromSeconds(3), ct);
                        break;
                    case "lock released under the holder":
                        await ReleaseLockAsync(client, leader, ct);
                        break;
                    case "lock expired under the holder":
                        // No renew gets through for longer than a TTL: the holder steps down, and Nomad's timer frees
                        // the lock 2×TTL + lock delay after the last renew (the fault is over by then, so the lock gap
                        // printed measures the election, not the fault).
                        await nomad.AddFaultAsync(new FaultRule { Method = "PUT", PathPrefix = "/v1/var/" + leader, Kind = FaultKind.Respond, Status = 500, Duration = ChaosReplicas.Ttl + TimeSpan.FromSeconds(2) }, ct);
                        await Task.Delay((ChaosReplicas.Ttl * 2) + ChaosReplicas.LockDelay + TimeSpan.FromSeconds(1), ct);
                        break;
                    case "git server restarted":
                        await Task.WhenAll(repositories.Select(r => r.Server.RestartAsync(TimeSpan.FromSeconds(3), ct)));
                        break;
                    case "force-push":
                        // The commit just pushed is replaced: its count change is undone, a real spec change again.
                        await daemonRepo.ForcePushAsync(job, $"rewritten in round {round}", ct);
                        await httpRepo.ForcePushAsync(httpJob, $"rewritten in round {round}", ct);
                        commits += 2;
                        break;
                    case "repository deleted and recreated":
                        await Task.WhenAll(repositories.Select(r => r.Builder.RecreateOnServerAsync(TimeSpan.FromSeconds(3), ct)));
                        break;
                    case "cache directories removed":
                        // Moved away in one step (a replica's git may be writing in it, so deleting it file by file
                        // races with that); the scratch folder is deleted at the end.
                        foreach (var cache in replicas.CacheDirectories.Where(Directory.Exists))
                        {
                            Directory.Move(cache, $"{cache}-removed-{round}");
                        }

                        break;
                    case "job hand-edited":
                        var live = (await client.Jobs.ReadAsync(target, ct: ct)).Value.ShouldNotBeNull();
                        live["TaskGroups"]![0]!["Count"] = 50;
                        await client.Jobs.RegisterAsync(new JobRegisterRequest(live), ct: ct);
                        targetRepo.AllowedVersions[target] += 2;
                        drifts++;
                        break;
                    case "job stopped":
                        await client.Jobs.DeregisterAsync(target, purge: false, ct: ct);
                        targetRepo.AllowedVersions[target] += 2;
                        drifts++;
                        break;
                    default:
                        // Purged: its versions start again from the controller's next register: the drift correction,
                        // and the commit of this round if the correction came before the repository fetched it.
                        await client.Jobs.DeregisterAsync(target, purge: true, ct: ct);
                        targetRepo.AllowedVersions[target] = 2;
                        drifts++;
                        break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)), ct);
                if (Kills(round))
                {
                    handovers.Add(await replicas.KillLeaderAsync(ct));
                }
            }

            await nomad.ClearFaultsAsync(ct);
            var unconverged = await ConvergedAsync(client, repositories, TimeSpan.FromMinutes(3), ct);

            var lostEdits = new List<string>();
            foreach (var (path, value) in edits)
            {
                var now = (await client.Variables.ReadAsync(path, ct: ct)).Value?.Items?.GetValueOrDefault(ItemKeys.Description);
                if (now != value)
                {
                    lostEdits.Add($"{path}: description \"{now}\", last written \"{value}\"");
                }
            }

            var extraVersions = new List<string>();
            foreach (var repository in repositories)
            {
                foreach (var (job, allowed) in repository.AllowedVersions)
                {
                    var versions = (await client.Jobs.VersionsAsync(job, ct: ct)).Value!.Versions.Count;
                    if (versions > allowed)
                    {
                        extraVersions.Add($"{job}: {versions} versions, at most {allowed} expected");
                    }
                }
            }

            var touched = 0;
            foreach (var (decoy, before) in decoys)
            {
                var after = Identity((await client.Jobs.ReadAsync(decoy, ct: ct)).Value);
                if (after != before)
                {
                    touched++;
                    log?.WriteLine($"decoy {decoy} was {before}, is {after}");
                }
            }

            // The git faults reached the controller on both transports: reconciles of each repository that failed for a git
            // reason (the engine logs a failure once, when an object turns from healthy to failed; Nomad faults give others).
            var failedFetches = new[] { "apps", "web" }.ToDictionary(
                name => name,
                name => replicas.Output.Split('\n').Count(l => new[] { Reasons.GitOperationFailed, Reasons.RefNotFound }
                    .Any(reason => l.Contains($"{ObjectKey.GitRepository(name)} failed ({reason})", StringComparison.Ordinal))));
            var windows = new ActingWindows(await nomad.RequestsAsync(ct), leader, replicas.Clients);
            var interleaved = windows.Interleaved();
            var handReleased = windows.HandReleaseOverlap();
            var gaps = windows.LockGaps();
            var bound = (ChaosReplicas.Ttl * 2) + ChaosReplicas.LockDelay;
            log?.WriteLine(
                $"chaos: {rounds} rounds, 2 repositories (git daemon, http-backend), {DaemonJobs.Length + HttpJobs.Length} jobs, {failedFetches["apps"]} git failures logged on the daemon repository and {failedFetches["web"]} on the http one, {handovers.Count} leader SIGKILLs, {windows.Handovers} lock handovers, {commits} commits, {edits.Count} objects edited by hand, " +
                $"{rounds} faults of {Math.Min(rounds, Faults.Length)} kinds, {drifts} drift corrections; " +
                $"{lostEdits.Count} lost edits, {extraVersions.Count} extra job versions, {touched} decoy jobs touched, " +
                $"{interleaved.Count} writes by a replica outside its term (at most one replica acted at any moment: {(interleaved.Count == 0 ? "yes" : "NO")}), " +
                $"{handReleased.Count} writes of a holder already in flight when its lock was released by hand and taken by another (unfenceable, allowed until it stepped down); " +
                $"leader handover after SIGKILL max {handovers.Max().TotalSeconds:0.0}s, lock gap between holders max {(gaps.Count == 0 ? 0 : gaps.Max().TotalSeconds):0.0}s " +
                $"(bound TTL {ChaosReplicas.Ttl.TotalSeconds}s x 2 + lock delay {ChaosReplicas.LockDelay.TotalSeconds}s = {bound.TotalSeconds}s)");
            foreach (var line in interleaved.Concat(handReleased.Select(w => "after a hand release: " + w)).Concat(lostEdits).Concat(extraVersions))
            {
                log?.WriteLine(line);
            }

            if (interleaved.Count > 0)
            {
                // What to look at when two replicas acted at once: the lock's history and the replicas' own word on leading.
                foreach (var line in windows.LockOperations().Concat(replicas.Output.Split('\n').Where(l => l.Contains("leader", StringComparison.OrdinalIgnoreCase))))
                {
                    log?.WriteLine(line);
                }
            }

            failedFetches["web"].ShouldBeGreaterThan(0, "the http server's outage and the http repository's deletion were never seen");
            unconverged.ShouldBeEmpty(replicas.Output[^Math.Min(replicas.Output.Length, 8000)..]);
            lostEdits.ShouldBeEmpty();
            extraVersions.ShouldBeEmpty();
            touched.ShouldBe(0);
            interleaved.ShouldBeEmpty();
            windows.Handovers.ShouldBeGreaterThanOrEqualTo(handovers.Count);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // What a write to a job changes (its scheduler-driven Status and ModifyIndex move by themselves): the version, the
    // job modify index, stop, meta and the task groups as registered.
    private static string Identity(JsonObject? job) => job is null
        ? "(purged)"
        : $"v{job["Version"]} jmi{job["JobModifyIndex"]} stop={job["Stop"]} meta={job["Meta"]?.ToJsonString()} groups={job["TaskGroups"]?.ToJsonString()}";

    // A person's `nomad var put -cas`: read, write on that index, again on a conflict or fault, until it is in.
    private static async Task PersonEditsAsync(NomadClient client, string path, string value, Dictionary<string, string> edits, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var read = (await client.Variables.ReadAsync(path, ct: ct)).Value!;
                var items = new Dictionary<string, string>(read.Items!) { [ItemKeys.Description] = value };
                if (await client.Variables.PutAsync(new Variable { Path = path, Items = items }, cas: read.ModifyIndex, ct: ct) is VariableWriteResult.Written)
                {
                    edits[path] = value;
                    return;
                }
            }
            catch (Exception e) when (e is NomadApiException or HttpRequestException)
            {
                // An injected fault: the person tries again (a dropped answer may have written it: the next read shows).
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    // Another writer on the NomadJob objects while the controller writes their status: CAS conflicts on both sides.
    private static async Task ConcurrentWriterAsync(NomadClient client, int round, Dictionary<string, string> edits, TimeSpan during, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < during; n++)
        {
            foreach (var job in DaemonJobs.Concat(HttpJobs))
            {
                var path = ObjectKey.NomadJob("default", job).ToPath(ObjectKey.DefaultPrefix);
                if ((await client.Variables.ReadAsync(path, ct: ct)).Value is not null)
                {
                    await PersonEditsAsync(client, path, $"writer {round}.{n}", edits, ct);
                }
            }
        }
    }

    // Someone releases the leader lock with the holder's lock ID (as `nomad var lock` cleanup or an operator would).
    private static async Task ReleaseLockAsync(NomadClient client, string leader, CancellationToken ct)
    {
        var held = (await client.Variables.ReadAsync(leader, ct: ct)).Value?.Lock?.ID;
        if (held is not null)
        {
            await client.Variables.ReleaseLockAsync(leader, held, ct: ct);
        }
    }

    private static async Task<List<string>> ConvergedAsync(NomadClient client, IReadOnlyList<ChaosRepository> repositories, TimeSpan patience, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var problems = new List<string>();
            foreach (var (repository, job, count) in repositories.SelectMany(r => r.Counts.Select(c => (r, c.Key, c.Value))))
            {
                var live = (await client.Jobs.ReadAsync(job, ct: ct)).Value;
                var liveCount = live?["TaskGroups"]?[0]?["Count"]?.GetValue<int>();
                var stopped = live?["Stop"]?.GetValue<bool>() ?? true;
                var status = (await client.Variables.ReadAsync(ObjectKey.NomadJob("default", job).ToPath(ObjectKey.DefaultPrefix), ct: ct)).Value?.Items;
                var applied = status?.GetValueOrDefault(ItemKeys.StatusLastAppliedCommit);
                if (liveCount != count || stopped || !repository.AppliedAtLeastLast(job, applied) || status?.GetValueOrDefault(ItemKeys.StatusReady) != "True")
                {
                    problems.Add($"{job}: count {liveCount} (want {count}), stopped {stopped}, applied {applied} (want {repository.ChangedAt[job]} or later), ready {status?.GetValueOrDefault(ItemKeys.StatusReady)}");
                }
            }

            if (problems.Count == 0 || clock.Elapsed > patience)
            {
                return problems;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }
}

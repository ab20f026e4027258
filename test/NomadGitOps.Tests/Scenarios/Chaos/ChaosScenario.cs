using Nomad.Client;
using Nomad.Emulator;
using Nomad.Emulator.Faults;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Scenarios.BadInput;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios.Chaos;

/// <summary>
/// The chaos suite (issue 12 §1), short form: two replicas on the emulator and a git daemon while a driver commits job
/// changes, a "person" edits the GitRepository object, Nomad answers 500s, slows down and loses its leader, and the
/// leading replica is SIGKILLed and replaced. After the faults clear: every job converged to its last commit, 0 lost
/// edits, 0 extra job versions, 0 decoy jobs touched (version, job modify index, stop, meta and groups unchanged); prints the counts and the longest leader handover.
/// <c>NOMAD_GITOPS_CHAOS=long</c> runs 20 kills instead of 3.
/// </summary>
public sealed class ChaosScenario
{
    private static readonly string[] Jobs = ["alpha", "beta", "gamma"];

    [Fact]
    public async Task Faults_and_leader_kills_lose_no_edit_add_no_job_version_and_touch_no_decoy()
    {
        var ct = TestContext.Current.CancellationToken;
        var kills = Environment.GetEnvironmentVariable("NOMAD_GITOPS_CHAOS") == "long" ? 20 : 3;
        var scratch = Path.Combine(Path.GetTempPath(), "chaos-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(scratch);
        try
        {
            await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
            using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
            await using var git = await GitServer.StartAsync(GitServerKind.Daemon, ct);
            using var repo = await RepoBuilder.CreateAsync(git, "apps", ct);
            var counts = Jobs.ToDictionary(j => j, _ => 1);
            var changes = Jobs.ToDictionary(j => j, _ => 0);
            foreach (var job in Jobs)
            {
                repo.WithFile($"{job}.nomad.hcl", BadInputCorpus.Hcl(job));
            }

            var head = await repo.CommitAsync("first", ct);
            // The commit each job's file last changed at: its status_last_applied_commit names that commit or a later one
            // once converged (a later one when a replica died between register and status write: the next finds the job
            // as Git has it at the head of then, and records that commit).
            var changedAt = Jobs.ToDictionary(j => j, _ => head, StringComparer.Ordinal);
            var commits = new List<string> { head };
            var decoys = new Dictionary<string, string>();
            foreach (var decoy in new[] { "decoy-1", "decoy-2" })
            {
                var parsed = await client.Jobs.ParseAsync(new JobParseRequest(BadInputCorpus.Hcl(decoy)), ct: ct);
                await client.Jobs.RegisterAsync(new JobRegisterRequest(parsed), ct: ct);
                decoys[decoy] = Identity((await client.Jobs.ReadAsync(decoy, ct: ct)).Value);
            }

            var apps = ObjectKey.GitRepository("apps").ToPath(ObjectKey.DefaultPrefix);
            await client.Variables.PutAsync(new Variable { Path = apps, Items = new Dictionary<string, string> { ["url"] = repo.Url, ["interval"] = "2s" } }, cas: 0, ct: ct);

            await using var replicas = new ChaosReplicas(nomad.Address, scratch);
            await replicas.StartAsync(ct);
            var random = new Random(12);
            var handovers = new List<TimeSpan>();
            var lastEdit = "";
            var faults = 0;
            for (var round = 0; round < kills * 2; round++)
            {
                var job = Jobs[round % Jobs.Length];
                counts[job]++;
                changes[job]++;
                head = await repo.WithFile($"{job}.nomad.hcl", BadInputCorpus.Hcl(job, counts[job])).CommitAsync($"{job} count {counts[job]}", ct);
                changedAt[job] = head;
                commits.Add(head);
                lastEdit = $"edit {round}";
                await PersonEditsAsync(client, apps, lastEdit, ct);
                nomad.Faults.Add(Fault(round));
                faults++;
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)), ct);
                if (round % 2 == 1)
                {
                    handovers.Add(await replicas.KillLeaderAsync(ct));
                }
            }

            nomad.Faults.Clear();
            var unconverged = await ConvergedAsync(client, commits, changedAt, counts, TimeSpan.FromMinutes(3), ct);

            var description = (await client.Variables.ReadAsync(apps, ct: ct)).Value!.Items!.GetValueOrDefault(ItemKeys.Description);
            var lostEdits = description == lastEdit ? 0 : 1;
            var extraVersions = 0;
            foreach (var job in Jobs)
            {
                var versions = (await client.Jobs.VersionsAsync(job, ct: ct)).Value!.Versions.Count;
                extraVersions += Math.Max(0, versions - (changes[job] + 1));
            }

            var touched = 0;
            foreach (var (decoy, before) in decoys)
            {
                var after = Identity((await client.Jobs.ReadAsync(decoy, ct: ct)).Value);
                if (after != before)
                {
                    touched++;
                    TestContext.Current.TestOutputHelper?.WriteLine($"decoy {decoy} was {before}, is {after}");
                }
            }

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"chaos: {kills * 2} rounds, {handovers.Count} leader SIGKILLs, {kills * 2} commits, {kills * 2} person edits, {faults} faults; " +
                $"{lostEdits} lost edits, {extraVersions} extra job versions, {touched} decoy jobs touched; " +
                $"leader handover max {handovers.Max().TotalSeconds:0.0}s (TTL {ChaosReplicas.Ttl.TotalSeconds}s x 2 + lock delay {ChaosReplicas.LockDelay.TotalSeconds}s)");
            unconverged.ShouldBeEmpty(replicas.Output[^Math.Min(replicas.Output.Length, 8000)..]);
            lostEdits.ShouldBe(0, $"the person's last edit \"{lastEdit}\" is gone: description is \"{description}\"");
            extraVersions.ShouldBe(0);
            touched.ShouldBe(0);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // What a write to a job changes (its scheduler-driven Status and ModifyIndex move by themselves): the version, the
    // job modify index, stop, meta and the task groups as registered.
    private static string Identity(System.Text.Json.Nodes.JsonObject? job) => job is null
        ? "(purged)"
        : $"v{job["Version"]} jmi{job["JobModifyIndex"]} stop={job["Stop"]} meta={job["Meta"]?.ToJsonString()} groups={job["TaskGroups"]?.ToJsonString()}";

    // 500s for the next requests, latency for a while, or a window with no cluster leader.
    private static FaultRule Fault(int round) => (round % 3) switch
    {
        0 => new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.Respond, Status = 500, Times = 8 },
        1 => new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.Delay, Latency = TimeSpan.FromMilliseconds(300), Duration = TimeSpan.FromSeconds(3) },
        _ => new FaultRule { PathPrefix = "/v1/", Kind = FaultKind.NoLeader, Duration = TimeSpan.FromSeconds(2) },
    };

    // A person's `nomad var put -cas`: read, write on that index, again on a conflict, until it is in.
    private static async Task PersonEditsAsync(NomadClient client, string path, string value, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var read = (await client.Variables.ReadAsync(path, ct: ct)).Value!;
                var items = new Dictionary<string, string>(read.Items!) { [ItemKeys.Description] = value };
                if (await client.Variables.PutAsync(new Variable { Path = path, Items = items }, cas: read.ModifyIndex, ct: ct) is VariableWriteResult.Written)
                {
                    return;
                }
            }
            catch (Exception e) when (e is NomadApiException or HttpRequestException)
            {
                // An injected fault: the person tries again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static async Task<List<string>> ConvergedAsync(NomadClient client, List<string> commits, Dictionary<string, string> changedAt, Dictionary<string, int> counts, TimeSpan patience, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var problems = new List<string>();
            foreach (var (job, count) in counts)
            {
                var live = (await client.Jobs.ReadAsync(job, ct: ct)).Value;
                var liveCount = live?["TaskGroups"]?[0]?["Count"]?.GetValue<int>();
                var status = (await client.Variables.ReadAsync(ObjectKey.NomadJob("default", job).ToPath(ObjectKey.DefaultPrefix), ct: ct)).Value?.Items;
                var applied = status?.GetValueOrDefault(ItemKeys.StatusLastAppliedCommit);
                if (liveCount != count || applied is null || commits.IndexOf(applied) < commits.IndexOf(changedAt[job]) || status?.GetValueOrDefault(ItemKeys.StatusReady) != "True")
                {
                    problems.Add($"{job}: count {liveCount} (want {count}), applied {applied} (want {changedAt[job]} or later), ready {status?.GetValueOrDefault(ItemKeys.StatusReady)}");
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

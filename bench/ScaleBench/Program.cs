// Scale benchmark of `nomad-gitops run` (issue 14 §4). For each size it generates repositories of HCL job files, serves
// them with `git daemon` on loopback, starts the emulator in this process and the controller as a child process, and
// prints: cold start (start → every job registered, and Nomad calls by endpoint until the calls settle), a quiet window
// (Nomad calls by endpoint while nothing changes), trigger → register latency (a job file changed and pushed, then
// `reconcile_requested_at` written on its GitRepository, until the job's new version is in Nomad) with the plans and
// registers each trial cost, and the controller's resident memory. Prints figures; asserts nothing.
// Usage: dotnet run -c Release --project bench/ScaleBench -- [--binary path/to/nomad-gitops.dll] [--label name]
//        [--sizes 10,100,1000,mono] [--trials 20] [--interval 30s] [--quiet-seconds 60] [--timeout-seconds 600] [--timeline]
using System.Diagnostics;
using System.Globalization;
using Nomad.Client;
using Nomad.Emulator;
using ScaleBench;

var options = BenchOptions.Parse(args);
Console.WriteLine($"binary: {options.Binary}; label: {options.Label}; interval {options.Interval}; quiet window {options.QuietSeconds} s; " +
    $"trials {options.Trials}; {Environment.ProcessorCount} cores");
foreach (var size in options.Sizes)
{
    var (repoCount, jobsPerRepo) = size switch
    {
        "mono" => (1, 4000),
        _ when int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var jobs) => (Math.Max(1, jobs / 10), Math.Min(10, jobs)),
        _ => throw new ArgumentException($"unknown size {size}"),
    };
    await RunSizeAsync(options, size, repoCount, jobsPerRepo);
}

static async Task RunSizeAsync(BenchOptions options, string size, int repoCount, int jobsPerRepo)
{
    var total = repoCount * jobsPerRepo;
    Console.WriteLine();
    Console.WriteLine($"## {options.Label}: {total} jobs in {repoCount} repositories ({size})");
    await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions());
    using var repos = BenchRepos.Create(repoCount, jobsPerRepo);
    using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
    foreach (var name in repos.Names)
    {
        await client.Variables.PutAsync(new Variable { Path = RepositoryPath(name), Items = new Dictionary<string, string> { ["url"] = repos.Url(name) } });
    }

    nomad.Calls.Reset();
    var logFile = Path.Combine(Path.GetTempPath(), $"scalebench-{options.Label}-{size}.log");
    var clock = Stopwatch.StartNew();
    using var controller = ControllerProcess.Start(options.Binary, nomad.Address, options.Interval, logFile);
    var registered = 0;
    while (clock.Elapsed < options.Timeout && (registered = Registered(nomad)) < total)
    {
        await Task.Delay(100);
    }

    var coldWall = clock.Elapsed;
    // The calls that follow the last register (status writes) belong to the cold start: wait until they settle.
    var settled = await SettleAsync(nomad, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60));
    var cold = nomad.Calls.Snapshot();
    var coldMemory = controller.Memory();
    Console.WriteLine($"cold start: {registered} of {total} jobs registered after {coldWall.TotalSeconds:0.0} s; calls settled at {clock.Elapsed.TotalSeconds:0.0} s" +
        $"{(settled ? "" : " (not settled)")}; {Sum(cold)} Nomad calls = {Sum(cold) / (double)total:0.00} per job; RSS {coldMemory.Rss:0} MB");
    Print(cold);

    nomad.Calls.Reset();
    await Task.Delay(TimeSpan.FromSeconds(options.QuietSeconds));
    var quiet = nomad.Calls.Snapshot();
    var quietMemory = controller.Memory();
    Console.WriteLine($"quiet window of {options.QuietSeconds} s: {Sum(quiet)} Nomad calls, {Writes(quiet)} writes, {quiet.GetValueOrDefault("POST /v1/job/:id/plan")} plans, " +
        $"{quiet.GetValueOrDefault("POST /v1/jobs/parse")} parses; RSS {quietMemory.Rss:0} MB");
    Print(quiet);

    var latencies = new List<double>();
    var extraPlans = 0L;
    var extraRegisters = 0L;
    var timeouts = 0;
    if (registered == total)
    {
        for (var trial = 0; trial < options.Trials; trial++)
        {
            var name = repos.Names[trial % repoCount];
            var jobId = BenchRepos.JobId(name, (trial * 7919) % jobsPerRepo);
            var before = Version(nomad, jobId);
            repos.Change(name, jobId, count: trial + 2);
            var calls = nomad.Calls.Snapshot();
            var triggeredAt = TimeProvider.System.GetUtcNow();
            var trigger = Stopwatch.StartNew();
            await RequestReconcileAsync(client, name);
            while (Version(nomad, jobId) <= before && trigger.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(5);
            }

            if (Version(nomad, jobId) <= before)
            {
                timeouts++;
                continue;
            }

            var latency = trigger.Elapsed.TotalMilliseconds;
            latencies.Add(latency);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var after = nomad.Calls.Snapshot();
            if (options.Timeline)
            {
                PrintTimeline(nomad, trial, jobId, triggeredAt, latency);
            }

            extraPlans += Diff(after, calls, "POST /v1/job/:id/plan") - 1;
            extraRegisters += Diff(after, calls, "POST /v1/jobs") - 1;
        }
    }

    var memory = controller.Memory();
    latencies.Sort();
    Console.WriteLine(latencies.Count == 0
        ? "trigger → register: no trial"
        : $"trigger → register over {latencies.Count} trials: p50 {Percentile(latencies, 0.5):0} ms, p95 {Percentile(latencies, 0.95):0} ms, max {latencies[^1]:0} ms; " +
          $"plans beyond one per trial {extraPlans}, registers beyond one {extraRegisters}; {timeouts} timed out");
    Console.WriteLine($"memory: RSS {memory.Rss:0} MB, peak {memory.Peak:0} MB");
    Console.WriteLine($"| {options.Label} | {total} / {repoCount} | {coldWall.TotalSeconds:0.0} s{(registered == total ? "" : $" ({registered} registered)")} | {Sum(cold)} ({Sum(cold) / (double)total:0.0}/job) | " +
        $"{Sum(quiet)} ({Writes(quiet)} writes) | {(latencies.Count == 0 ? "-" : $"{Percentile(latencies, 0.5):0} / {Percentile(latencies, 0.95):0} ms")} | {memory.Rss:0} / {memory.Peak:0} MB |");
}

static string RepositoryPath(string name) => "nomad-gitops/v1/gitrepository/" + name;

static async Task RequestReconcileAsync(NomadClient client, string name)
{
    for (var attempt = 0; attempt < 10; attempt++)
    {
        var current = (await client.Variables.ReadAsync(RepositoryPath(name))).Value!;
        var items = new Dictionary<string, string>(current.Items!, StringComparer.Ordinal)
        {
            ["reconcile_requested_at"] = DateTimeOffset.FromUnixTimeMilliseconds(Environment.TickCount64).ToString("O", CultureInfo.InvariantCulture) + attempt.ToString(CultureInfo.InvariantCulture),
        };
        if (await client.Variables.PutAsync(new Variable { Path = current.Path, Items = items }, cas: current.ModifyIndex) is VariableWriteResult.Written)
        {
            return;
        }
    }

    throw new InvalidOperationException($"could not write reconcile_requested_at on {name}");
}

static int Registered(NomadEmulator nomad) => nomad.State.Read(() => nomad.State.Jobs.List("default", "").Count);

static long Version(NomadEmulator nomad, string jobId) => nomad.State.Read(() => nomad.State.Jobs.Get("default", jobId)?.Version ?? -1);

static async Task<bool> SettleAsync(NomadEmulator nomad, TimeSpan still, TimeSpan limit)
{
    var clock = Stopwatch.StartNew();
    var last = Sum(nomad.Calls.Snapshot());
    var since = Stopwatch.StartNew();
    while (clock.Elapsed < limit)
    {
        await Task.Delay(250);
        var now = Sum(nomad.Calls.Snapshot());
        if (now != last)
        {
            last = now;
            since.Restart();
        }
        else if (since.Elapsed >= still)
        {
            return true;
        }
    }

    return false;
}

// The writes a trial caused (the emulator logs writes with their times, not reads), in ms after the trigger's first write.
static void PrintTimeline(NomadEmulator nomad, int trial, string jobId, DateTimeOffset triggeredAt, double tookMs)
{
    Console.WriteLine($"  trial {trial} ({jobId}): registered after {tookMs:0} ms");
    foreach (var request in nomad.Calls.Requests().Where(r => r.Started >= triggeredAt).OrderBy(r => r.Started))
    {
        var start = (request.Started - triggeredAt).TotalMilliseconds;
        var end = (request.Ended - triggeredAt).TotalMilliseconds;
        Console.WriteLine($"    {start,7:0} → {end,7:0} ms  {request.Method} {request.Path} {request.Status}");
    }
}

static long Sum(IReadOnlyDictionary<string, long> calls) => calls.Values.Sum();

static long Writes(IReadOnlyDictionary<string, long> calls) =>
    calls.Where(c => !c.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(c => c.Value);

static long Diff(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before, string key) =>
    after.GetValueOrDefault(key) - before.GetValueOrDefault(key);

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static void Print(IReadOnlyDictionary<string, long> calls)
{
    foreach (var (endpoint, count) in calls.OrderByDescending(c => c.Value))
    {
        Console.WriteLine($"    {count,7}  {endpoint}");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// The webhook end to end as a newcomer meets it: `nomad-gitops dev` (against the emulator, with an interval of an
/// hour so only the hook can bring a change in) prints a hook URL and a curl line; a commit to the sample repository
/// followed by that delivery is fetched, indexed and registered at once (the index wakes the NomadJobs whose file
/// changed, so the job does not wait for its hour). `--http-addr 127.0.0.1:0` prints the port Kestrel bound, and a burst
/// of ten deliveries within a second is coalesced: the GitRepository controller reconciles once or twice (counted by
/// its reconcile counter on the same server's /metrics), and git fetches at most twice.
/// </summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed partial class WebhookDevScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_burst_of_pushes_delivered_to_dev_is_applied_end_to_end_with_one_or_two_reconciles()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var repo = Path.Combine(Path.GetTempPath(), "dev-hook-" + Guid.NewGuid().ToString("N")[..10]);
        using var written = new StringWriter();
        var stdout = TextWriter.Synchronized(written);
        var stderr = TextWriter.Synchronized(new StringWriter());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var root = new RootCommand { DevCommand.Create(stdout, stderr) };
        var dev = root.Parse(["dev", "--address", nomad.Address.ToString(), "--repo-dir", repo, "--interval", "1h", "--http-addr", "127.0.0.1:0"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, stop.Token);
        try
        {
            // The first sync registers web as the sample has it.
            var (web, index) = await JobWhenAsync(client, 0, job => job is not null, ct).WaitAsync(Patience, ct);
            web!["Meta"]!["team"]!.GetValue<string>().ShouldBe("platform");

            string output;
            lock (stdout)
            {
                // The synchronized writer locks on itself, so this reads between two writes.
                output = written.ToString();
            }

            var curl = CurlLine().Match(output);
            curl.Success.ShouldBeTrue(output);
            var hookUrl = new Uri(curl.Groups["url"].Value);
            hookUrl.Host.ShouldBe("127.0.0.1");
            hookUrl.Port.ShouldNotBe(0, "the bound port, not the 0 asked for");
            hookUrl.AbsolutePath.ShouldStartWith("/hook/");
            await ReceiverUrlAsync(client, ct).WaitAsync(Patience, ct);
            using var http = new HttpClient();
            var metricsUrl = new Uri(hookUrl, "/metrics");
            var repository = ObjectKey.GitRepository("samples").ToPath(ObjectKey.DefaultPrefix);

            // Quiet first: the first sync's reconciles are done when the repository has handled nothing yet and is ready.
            await VariableWhenAsync(client, repository, i => i.GetValueOrDefault(ItemKeys.StatusReady) == "True", ct).WaitAsync(Patience, ct);
            var before = await CountersAsync(http, metricsUrl, ct);

            var file = Path.Combine(repo, "jobs", "web.nomad.hcl");
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, ct)).Replace("team = \"platform\"", "team = \"webhooks\"", StringComparison.Ordinal), ct);
            await TestGit.RunAsync(repo, ct, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-am", "web: team webhooks");
            var commit = (await TestGit.RunAsync(repo, ct, "rev-parse", "HEAD")).Trim();

            // Ten deliveries at once (each answered at once): a burst well within the one-second cool-down even on a
            // loaded machine, where ten in a row could spread over more than a second and rightly make a third write.
            async Task DeliverAsync()
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, hookUrl);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + curl.Groups["token"].Value);
                using var response = await http.SendAsync(request, ct);
                var answer = await response.Content.ReadAsStringAsync(ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
                JsonNode.Parse(answer)!["triggered"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["samples"]);
            }

            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DeliverAsync()));

            var items = await VariableWhenAsync(client, repository, i => i.GetValueOrDefault(ItemKeys.StatusIndexedCommit) == commit, ct).WaitAsync(Patience, ct);
            items[ItemKeys.StatusCurrentCommit].ShouldBe(commit);
            items.ShouldContainKey(ItemKeys.ReconcileRequestedAt);
            var (changed, _) = await JobWhenAsync(client, index, job => job?["Meta"]?["team"]?.GetValue<string>() == "webhooks", ct).WaitAsync(Patience, ct);
            changed!["Version"]!.GetValue<ulong>().ShouldBe(web["Version"]!.GetValue<ulong>() + 1, "one push, one new version");

            // The burst is over when the last request written (the cool-down's trailing write) has been handled.
            items = await VariableWhenAsync(
                client,
                repository,
                i => i.TryGetValue(ItemKeys.ReconcileRequestedAt, out var asked) && i.GetValueOrDefault(ItemKeys.StatusLastHandledReconcileAt) == asked && WrittenLongAgo(asked),
                ct).WaitAsync(Patience, ct);
            var after = await CountersAsync(http, metricsUrl, ct);
            var reconciles = after.Reconciles - before.Reconciles;
            var counted = $"before:\n{before.Lines}\nafter:\n{after.Lines}";
            reconciles.ShouldBeInRange(1, 2, $"ten deliveries, {reconciles} GitRepository reconciles; {counted}");
            (after.Fetches - before.Fetches).ShouldBeInRange(1, 2, $"one fetch for the new commit, at most one more; {counted}");
        }
        finally
        {
            await stop.CancelAsync();
            await dev.WaitAsync(Patience, CancellationToken.None);
            if (Directory.Exists(repo))
            {
                Directory.Delete(repo, recursive: true);
            }
        }
    }

    // Blocking reads of the job until it satisfies the condition.
    private static async Task<(JsonObject? Job, ulong Index)> JobWhenAsync(NomadClient client, ulong index, Func<JsonObject?, bool> condition, CancellationToken ct)
    {
        while (true)
        {
            var read = await client.Jobs.ReadAsync("web", new QueryOptions { Index = index == 0 ? null : index, Wait = index == 0 ? null : TimeSpan.FromSeconds(5) }, ct);
            if (condition(read.Value))
            {
                return (read.Value, read.LastIndex);
            }

            index = Math.Max(read.LastIndex, 1);
        }
    }

    private static Task<IReadOnlyDictionary<string, string>> ReceiverUrlAsync(NomadClient client, CancellationToken ct) =>
        VariableWhenAsync(client, ObjectKey.Receiver(DevCommand.ReceiverName).ToPath(ObjectKey.DefaultPrefix), i => i.ContainsKey(ItemKeys.StatusUrl), ct);

    // Blocking reads of the variable until its items satisfy the condition.
    private static async Task<IReadOnlyDictionary<string, string>> VariableWhenAsync(
        NomadClient client, string path, Func<IReadOnlyDictionary<string, string>, bool> condition, CancellationToken ct)
    {
        ulong index = 0;
        while (true)
        {
            var read = await client.Variables.ReadAsync(path, new QueryOptions { Index = index == 0 ? null : index, Wait = index == 0 ? null : TimeSpan.FromSeconds(5) }, ct);
            if (read.Value?.Items is { } items && condition(items))
            {
                return items;
            }

            index = Math.Max(read.LastIndex, 1);
        }
    }

    // The request was written more than the cool-down ago, so no trailing write of the burst can still come.
    private static bool WrittenLongAgo(string requestedAt) =>
        DateTimeOffset.TryParse(requestedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        && TimeProvider.System.GetUtcNow() - at > TimeSpan.FromSeconds(3);

    // The GitRepository controller's reconciles and git's fetches so far, from the dev server's /metrics.
    private static async Task<(double Reconciles, double Fetches, string Lines)> CountersAsync(HttpClient http, Uri metrics, CancellationToken ct)
    {
        var text = await http.GetStringAsync(metrics, ct);
        double Sum(Regex line) => line.Matches(text).Sum(m => double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        var lines = string.Join('\n', GitRepositoryReconciles().Matches(text).Concat(Fetches().Matches(text)).Select(m => m.Value));
        return (Sum(GitRepositoryReconciles()), Sum(Fetches()), lines);
    }

    [GeneratedRegex(@"^nomad_gitops_reconcile_total\{[^}]*controller=""GitRepository""[^}]*\} (?<n>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex GitRepositoryReconciles();

    [GeneratedRegex(@"^nomad_gitops_git_operation_duration_seconds_count\{[^}]*op=""fetch""[^}]*\} (?<n>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex Fetches();

    [GeneratedRegex(@"curl -X POST -H 'Authorization: Bearer (?<token>[0-9a-f]+)' (?<url>http://\S+)")]
    private static partial Regex CurlLine();
}

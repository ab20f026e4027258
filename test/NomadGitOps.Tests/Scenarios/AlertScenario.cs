using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;
using NomadGitOps.Tests.Notifications;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// Notifications end to end: `nomad-gitops run` with the real controllers, git over git://, the emulator and a generic
/// Alert posting to a loopback receiver. A commit breaks the job (Nomad refuses its plan): one <c>failed</c>; the job
/// stays broken while the repository is checked every second: nothing more; a commit fixes it: one <c>recovered</c>.
/// </summary>
public sealed class AlertScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static string WebJob(int count) => $$"""
        job "web" {
          group "web" {
            count = {{count}}
            task "nginx" {
              driver = "docker"
              config {
                image = "nginx:1.27"
              }
            }
          }
        }
        """;

    [Fact]
    public async Task A_job_that_breaks_and_is_fixed_sends_failed_once_and_recovered_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        await using var server = await GitServer.StartAsync(GitServerKind.Daemon, ct);
        using var repo = await RepoBuilder.CreateAsync(server, "apps", ct);
        await using var sink = WebhookSink.Start();
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var cache = Path.Combine(Path.GetTempPath(), "alertscenario-" + Guid.NewGuid().ToString("N")[..10]);
        var webPath = ObjectKey.NomadJob("default", "web").ToPath(ObjectKey.DefaultPrefix);
        var alertPath = ObjectKey.Alert("ops").ToPath(ObjectKey.DefaultPrefix);
        await repo.WithFile("jobs/web.nomad.hcl", WebJob(1)).CommitAsync("web", ct);
        await PutAsync(client, ObjectKey.GitRepository("apps").ToPath(ObjectKey.DefaultPrefix), ("url", repo.Url), ("interval", "1s"));
        await PutAsync(client, "nomad-gitops/secrets/ops", ("address", sink.Address.ToString()), ("token", "scenario"));
        await PutAsync(client, alertPath, ("type", "generic"), ("secret", "nomad-gitops/secrets/ops"));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var root = new RootCommand { RunCommand.Create(stdout, stderr) };
        var running = root.Parse(["run", "--address", nomad.Address.ToString(), "--interval", "1s", "--cache-dir", cache, "--http-addr", $"127.0.0.1:{FreePort()}"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, stop.Token);
        try
        {
            await VariableWhenAsync(client, webPath, i => i.GetValueOrDefault(ItemKeys.StatusReady) == "True", ct).WaitAsync(Patience, ct);
            await VariableWhenAsync(client, alertPath, i => i.GetValueOrDefault(ItemKeys.StatusReady) == "True", ct).WaitAsync(Patience, ct);

            // Nomad refuses a negative count: the plan fails, a person must act.
            var broken = await repo.WithFile("jobs/web.nomad.hcl", WebJob(-1)).CommitAsync("web: a broken count", ct);
            await VariableWhenAsync(client, webPath, i => i.GetValueOrDefault(ItemKeys.StatusReady) == "False", ct).WaitAsync(Patience, ct);
            var failed = (await sink.WaitForAsync(1).WaitAsync(Patience, ct)).ShouldHaveSingleItem().Json;
            failed["event"]!.GetValue<string>().ShouldBe("failed");
            failed["object"]!.GetValue<string>().ShouldBe("nomadjob/default/web");
            failed["repository"]!.GetValue<string>().ShouldBe("apps");
            failed["reason"]!.GetValue<string>().ShouldBe(Reasons.PlanFailed);
            failed["commit"]!.GetValue<string>().ShouldBe(broken);
            await VariableWhenAsync(client, alertPath, i => i.ContainsKey(ItemKeys.StatusLastSentAt), ct).WaitAsync(Patience, ct);

            // The repository is looked at every second meanwhile; the failure is not sent again.
            await QuietAsync(client, webPath, TimeSpan.FromSeconds(4), ct).WaitAsync(Patience, ct);
            sink.Received.Count.ShouldBe(1);

            var fixedCommit = await repo.WithFile("jobs/web.nomad.hcl", WebJob(2)).CommitAsync("web: fixed", ct);
            await VariableWhenAsync(client, webPath, i => i.GetValueOrDefault(ItemKeys.StatusReady) == "True", ct).WaitAsync(Patience, ct);
            var received = await sink.WaitForAsync(2).WaitAsync(Patience, ct);
            await QuietAsync(client, webPath, TimeSpan.FromSeconds(3), ct).WaitAsync(Patience, ct);

            sink.Received.Count.ShouldBe(2, stderr.ToString());
            var recovered = received[1].Json;
            recovered["event"]!.GetValue<string>().ShouldBe("recovered");
            recovered["commit"]!.GetValue<string>().ShouldBe(fixedCommit);
            received.ShouldAllBe(r => r.Headers.ContainsKey("X-Signature"));
            stderr.ToString().ShouldNotContain(sink.Address.AbsolutePath);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(Patience, CancellationToken.None);
            Directory.Delete(cache, recursive: true);
        }
    }

    private static async Task PutAsync(NomadClient client, string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await client.Variables.PutAsync(variable, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    // Blocking reads until the variable has not changed for a whole quiet period.
    private static async Task QuietAsync(NomadClient client, string path, TimeSpan quiet, CancellationToken ct)
    {
        var index = (await client.Variables.ReadAsync(path, null, ct)).LastIndex;
        while (true)
        {
            var read = await client.Variables.ReadAsync(path, new QueryOptions { Index = index, Wait = quiet }, ct);
            if (read.LastIndex == index)
            {
                return;
            }

            index = read.LastIndex;
        }
    }

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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

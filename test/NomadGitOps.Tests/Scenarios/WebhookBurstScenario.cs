using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.Receiver;
using NomadGitOps.Objects;
using NomadGitOps.Scheduling;
using NomadGitOps.Server.Webhooks;
using NomadGitOps.Tests.Engine;
using NomadGitOps.Tests.Server.Webhooks;

namespace NomadGitOps.Tests.Scenarios;

/// <summary>
/// A burst of pushes against `nomad-gitops run` as deployed (leader election, prefix watcher, work queues, HTTP server,
/// receiver controller; a GitRepository reconciler double counting its calls): ten deliveries at once cost one or two
/// reconciles of the repository, not ten.
/// </summary>
public sealed class WebhookBurstScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Ten_pushes_at_once_reconcile_the_repository_once_or_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        using var client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        var apps = ObjectKey.GitRepository("apps");
        await PutAsync(client, apps.ToPath(ObjectKey.DefaultPrefix), ("url", "https://github.com/acme/apps"), ("interval", "1h"));
        await PutAsync(client, "nomad-gitops/secrets/github", ("token", "burst"));
        await PutAsync(client, ObjectKey.Receiver("github").ToPath(ObjectKey.DefaultPrefix), ("type", "github"), ("secret", "nomad-gitops/secrets/github"));
        var repos = new ReconcilerDouble(ControllerName.GitRepository, ObjectKind.GitRepository);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var port = FreePort();
        var root = new RootCommand { RunCommand.Create(stdout, stderr, services => services.AddSingleton<IReconciler>(repos).AddReceiverController()) };
        var running = root.Parse(["run", "--address", nomad.Address.ToString(), "--interval", "1h", "--http-addr", $"127.0.0.1:{port}"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, stop.Token);
        try
        {
            await repos.NextCallOfAsync(apps).WaitAsync(Patience, ct);
            var hook = (await VariableWhenAsync(client, ObjectKey.Receiver("github").ToPath(ObjectKey.DefaultPrefix), i => i.ContainsKey(ItemKeys.StatusUrl), ct)
                .WaitAsync(Patience, ct))[ItemKeys.StatusUrl];
            var before = repos.CountOf(apps);
            var body = Payloads.Bytes("github-push");

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, hook) { Content = new ByteArrayContent(body) };
                request.Headers.Add("X-GitHub-Event", "push");
                request.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(body, "burst"));
                using var response = await http.SendAsync(request, ct);
                return response.StatusCode;
            }));

            answers.ShouldAllBe(s => s == HttpStatusCode.OK);
            await repos.NextCallOfAsync(apps).WaitAsync(Patience, ct);
            await QuietAsync(client, apps.ToPath(ObjectKey.DefaultPrefix), TimeSpan.FromSeconds(3), ct).WaitAsync(Patience, ct);
            (repos.CountOf(apps) - before).ShouldBeInRange(1, 2);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(Patience, CancellationToken.None);
        }
    }

    private static async Task PutAsync(NomadClient client, string path, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal) };
        (await client.Variables.PutAsync(variable, ct: TestContext.Current.CancellationToken)).ShouldBeOfType<VariableWriteResult.Written>();
    }

    // Blocking reads until the variable has not changed for a whole quiet period (the coalesced writes are done).
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

using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Cli;
using NomadGitOps.Objects;

namespace NomadGitOps.Tests.Server;

/// <summary>
/// `nomad-gitops dev` running in this process against the Nomad emulator, on a free loopback port, shared by the
/// metrics and status page tests: the sample repository synced (three healthy jobs), a second GitRepository whose URL
/// leads nowhere (failing, with a &lt;b&gt; in its URL to prove escaping), one accepted webhook delivery and one to an
/// unknown hook path. The interval is an hour, so nothing moves unless a test moves it.
/// </summary>
public sealed partial class DevController : IAsyncLifetime
{
    /// <summary>The failing repository's name.</summary>
    public const string Broken = "broken";

    /// <summary>The failing repository's URL.</summary>
    public const string BrokenUrl = "file:///nonexistent/<b>repo</b>.git";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly CancellationTokenSource stop = new();
    private readonly string repo = Path.Combine(Path.GetTempPath(), "dev-observe-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly StringWriter written = new();
    private Task<int>? dev;

    public NomadEmulator Nomad { get; private set; } = null!;

    public NomadClient Client { get; private set; } = null!;

    /// <summary>The HTTP server of dev, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        using var limit = new CancellationTokenSource(Patience);
        var ct = limit.Token;
        Nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        Client = new NomadClient(new NomadClientOptions { Address = Nomad.Address.ToString() });
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        Http.BaseAddress = Address;
        var stdout = TextWriter.Synchronized(written);
        var stderr = TextWriter.Synchronized(new StringWriter());
        var root = new RootCommand { DevCommand.Create(stdout, stderr) };
        dev = root.Parse(["dev", "--address", Nomad.Address.ToString(), "--repo-dir", repo, "--interval", "1h", "--http-addr", $"127.0.0.1:{port}"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, stop.Token);

        await StatusWhenAsync(s => s["jobs"]!.AsArray().Count == 3 && s["jobs"]!.AsArray().All(j => j!["ready"]!.GetValue<string>() == "True"), ct);
        (await Client.Variables.PutAsync(
            new Variable { Path = ObjectKey.GitRepository(Broken).ToPath(ObjectKey.DefaultPrefix), Items = new Dictionary<string, string> { ["url"] = BrokenUrl, ["branch"] = "main" } },
            ct: ct)).ShouldBeOfType<VariableWriteResult.Written>();
        await StatusWhenAsync(s => s["repositories"]!.AsArray().Any(r => r!["name"]!.GetValue<string>() == Broken && r["ready"]!.GetValue<string>() == "False"), ct);

        // One delivery dev's own receiver accepts, one to a hook path nobody has.
        string output;
        lock (stdout)
        {
            output = written.ToString();
        }

        var curl = CurlLine().Match(output);
        curl.Success.ShouldBeTrue(output);
        using (var request = new HttpRequestMessage(HttpMethod.Post, curl.Groups["url"].Value))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + curl.Groups["token"].Value);
            using var response = await Http.SendAsync(request, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        }

        using (var stray = await Http.PostAsync("/hook/0123456789abcdef", new StringContent("{}"), ct))
        {
            stray.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    /// <summary>Polls <c>/status.json</c> until <paramref name="condition"/> holds.</summary>
    public async Task<JsonNode> StatusWhenAsync(Func<JsonNode, bool> condition, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Patience);
        while (true)
        {
            try
            {
                var status = JsonNode.Parse(await Http.GetStringAsync("/status.json", limit.Token))!;
                if (status["header"]!["watching"]!.GetValue<bool>() && condition(status))
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (dev is not null)
        {
            await dev.WaitAsync(Patience, CancellationToken.None);
        }

        Http.Dispose();
        Client?.Dispose();
        if (Nomad is not null)
        {
            await Nomad.DisposeAsync();
        }

        stop.Dispose();
        written.Dispose();
        if (Directory.Exists(repo))
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"curl -X POST -H 'Authorization: Bearer (?<token>[0-9a-f]+)' (?<url>http://\S+)")]
    private static partial Regex CurlLine();
}

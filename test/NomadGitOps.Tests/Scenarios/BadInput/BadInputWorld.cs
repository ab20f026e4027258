using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Objects;
using NomadGitOps.Server.Webhooks;
using NomadGitOps.Sources;
using NomadGitOps.Testing;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Scenarios.BadInput;

/// <summary>
/// Everything the corpus runs against, started once: the Nomad emulator, git over git:// (daemon), http:// (basic
/// auth) and ssh:// (sshd), and one `nomad-gitops run` as a child process with its HTTP server and API token. Healthy
/// objects sit beside the bad ones: <see cref="HealthyJobs"/> must all be registered while the bad inputs are refused.
/// </summary>
internal sealed class BadInputWorld : IAsyncDisposable
{
    /// <summary>The webhook secret of the good receiver <c>github</c>.</summary>
    public const string HookSecret = "hook-secret-3b9f1c";

    /// <summary>The bearer token of the API.</summary>
    public const string ApiToken = "api-token-7d2e55a1";

    /// <summary>The wrong password one case sends.</summary>
    public const string WrongPassword = "wrong-password-51c";

    /// <summary>The Nomad jobs the healthy objects must have registered, and no other.</summary>
    public static readonly IReadOnlyList<string> HealthyJobs = ["cache-a", "cache-b", "files-good", "http-private", "ssh-private", "taken", "web"];

    /// <summary>The healthy GitRepositories, each of which must end ready.</summary>
    public static readonly IReadOnlyList<string> HealthyRepositories = ["healthy", BadInputCorpus.JobFiles, "owner", "http-ok", "ssh-ok"];

    private readonly List<IAsyncDisposable> stops = [];
    private readonly List<IDisposable> disposables = [];
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "badinput-" + Guid.NewGuid().ToString("N")[..10]);
    private NomadEmulator nomad = null!;
    private GitServer daemon = null!;
    private GitServer http = null!;
    private GitServer ssh = null!;
    private RepoBuilder healthy = null!;
    private int closedPort;

    /// <summary>The Nomad client the checks read with.</summary>
    public NomadClient Client { get; private set; } = null!;

    /// <summary>The running controller.</summary>
    public ChildProgram Controller { get; private set; } = null!;

    /// <summary>The controller's HTTP server.</summary>
    public Uri Server { get; private set; } = null!;

    /// <summary>Every credential the world uses, for the secrets scan.</summary>
    public IReadOnlyList<string> Secrets => [HookSecret, ApiToken, WrongPassword, GitServer.HttpPassword, "hunter2", .. SshKeyLines()];

    /// <summary>The emulator (Nomad).</summary>
    public NomadEmulator Nomad => nomad;

    /// <summary>Starts everything and feeds every case's object and file before the controller starts.</summary>
    public static async Task<BadInputWorld> StartAsync(IReadOnlyList<BadInputCase> cases, CancellationToken ct)
    {
        var world = new BadInputWorld();
        try
        {
            await world.StartPartsAsync(ct);
            await world.FeedAsync(cases, ct);
            await world.StartControllerAsync(ct);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Resolves the placeholders of a value.</summary>
    public string Resolve(string value) => value
        .Replace("{daemon}", daemon.UrlFor("").Replace("/.git", "", StringComparison.Ordinal), StringComparison.Ordinal)
        .Replace("{http}", http.UrlFor("").Replace("/.git", "", StringComparison.Ordinal), StringComparison.Ordinal)
        .Replace("{ssh}", ssh.UrlFor("").Replace("/.git", "", StringComparison.Ordinal), StringComparison.Ordinal)
        .Replace("{closed-port}", closedPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The items of the object named <c>kind/…</c>, or null when it does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ItemsOfAsync(string obj, CancellationToken ct)
    {
        var parts = obj.Split('/');
        var key = parts[0] switch
        {
            "gitrepository" => ObjectKey.GitRepository(parts[1]),
            "receiver" => ObjectKey.Receiver(parts[1]),
            _ => ObjectKey.NomadJob(parts[1], parts[2]),
        };
        return (await Client.Variables.ReadAsync(key.ToPath(ObjectKey.DefaultPrefix), ct: ct)).Value?.Items;
    }

    /// <summary>Sends a request to the controller's server byte for byte and returns the status and body.</summary>
    public async Task<(int Status, string Body)> SendAsync(BadInputKind.Request request, CancellationToken ct)
    {
        var path = request.Path;
        if (path == "{hook}")
        {
            path = (await ItemsOfAsync("receiver/github", ct))?.GetValueOrDefault(ItemKeys.StatusUrl) ?? "/hook/unpublished";
        }

        var uri = new Uri(Server.ToString().TrimEnd('/') + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        // A server refusing a large body answers before reading it; with 100-continue the client sees that answer.
        message.Headers.ExpectContinue = request.Body.Length > 64 * 1024;
        if (request.Method != "GET")
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (request.SignWith is { } secret)
        {
            message.Headers.Add("X-Hub-Signature-256", "sha256=" + WebhookSignature.Sign(request.Body, secret));
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(message, ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException exception)
        {
            // A server that answers a too-large body early and closes may cut the upload: that counts as its answer.
            return (0, exception.Message);
        }
    }

    /// <summary>Writes a variable of <c>ItemBytes</c> bytes straight to Nomad and returns Nomad's answer.</summary>
    public async Task<(int Status, string Body)> WriteRawAsync(BadInputKind.NomadWrite write, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = nomad.Address };
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Path"] = write.Path,
            ["Items"] = new Dictionary<string, string> { ["url"] = Resolve("{daemon}/healthy.git"), ["description"] = new string('x', write.ItemBytes) },
        });
        using var response = await client.PutAsync(new Uri("/v1/var/" + write.Path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Commits a change to the healthy repository (web's count goes to <paramref name="count"/>).</summary>
    public Task CommitHealthyChangeAsync(int count, CancellationToken ct) =>
        healthy.WithFile("web.nomad.hcl", BadInputCorpus.Hcl("web", count)).CommitAsync($"web count {count}", ct);

    public async ValueTask DisposeAsync()
    {
        for (var i = stops.Count - 1; i >= 0; i--)
        {
            await stops[i].DisposeAsync();
        }

        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }

        Client?.Dispose();
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private IEnumerable<string> SshKeyLines() =>
        ssh is null ? [] : File.ReadAllLines(Path.Combine(ssh.Root, ".sshd", "user_key")).Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal));

    private async Task StartPartsAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(scratch);
        nomad = await NomadEmulator.StartAsync(new EmulatorOptions(), ct);
        stops.Add(nomad);
        Client = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        daemon = await GitServer.StartAsync(GitServerKind.Daemon, ct);
        stops.Add(daemon);
        http = await GitServer.StartAsync(GitServerKind.Http, ct);
        stops.Add(http);
        ssh = await GitServer.StartAsync(GitServerKind.Ssh, ct);
        stops.Add(ssh);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task FeedAsync(IReadOnlyList<BadInputCase> cases, CancellationToken ct)
    {
        healthy = await RepoAsync(daemon, "healthy", ct, ("web.nomad.hcl", BadInputCorpus.Hcl("web")));
        await RepoAsync(daemon, "owner", ct, ("taken.nomad.hcl", BadInputCorpus.Hcl("taken")));
        await RepoAsync(daemon, "cache-a", ct, ("a.nomad.hcl", BadInputCorpus.Hcl("cache-a")));
        await RepoAsync(daemon, "cache-b", ct, ("b.nomad.hcl", BadInputCorpus.Hcl("cache-b")));
        await RepoAsync(http, "private", ct, ("p.nomad.hcl", BadInputCorpus.Hcl("http-private")));
        await RepoAsync(ssh, "private", ct, ("s.nomad.hcl", BadInputCorpus.Hcl("ssh-private")));
        var jobfiles = await RepoBuilder.CreateAsync(daemon, BadInputCorpus.JobFiles, ct);
        disposables.Add(jobfiles);
        jobfiles.WithFile("good.nomad.hcl", BadInputCorpus.Hcl("files-good"));
        // A path a catastrophic include regex backtracks on (no job file: the repository's own include skips it).
        jobfiles.WithFile(new string('a', 40) + "!", "");
        foreach (var input in cases.Select(c => c.Input))
        {
            switch (input)
            {
                case BadInputKind.JobFile file:
                    jobfiles.WithBytes(file.Path, file.Content);
                    break;
                case BadInputKind.Symlink link:
                    jobfiles.WithSymlink(link.Path, link.Target);
                    break;
            }
        }

        await jobfiles.CommitAsync("job files good and bad", ct);

        await PutAsync("nomad-gitops/secrets/hook", ct, ("token", HookSecret));
        await PutAsync("nomad-gitops/secrets/http", ct, ("username", GitServer.HttpUser), ("password", GitServer.HttpPassword));
        await PutAsync("nomad-gitops/secrets/wrong-password", ct, ("username", GitServer.HttpUser), ("password", WrongPassword));
        await PutAsync("nomad-gitops/secrets/ssh", ct, ("ssh_private_key", ssh.Credentials.SshPrivateKey!), ("ssh_known_hosts", ssh.Credentials.SshKnownHosts!));
        var notTheHostKey = (await File.ReadAllTextAsync(Path.Combine(ssh.Root, ".sshd", "user_key.pub"), ct)).Trim();
        var hostPattern = ssh.Credentials.SshKnownHosts!.Split(' ')[0];
        await PutAsync("nomad-gitops/secrets/other-host", ct, ("ssh_private_key", ssh.Credentials.SshPrivateKey!), ("ssh_known_hosts", $"{hostPattern} {notTheHostKey}\n"));

        await PutObjectAsync(ObjectKey.Receiver("github"), ct, (ItemKeys.Type, "github"), (ItemKeys.Secret, "nomad-gitops/secrets/hook"));
        await PutObjectAsync(ObjectKey.GitRepository("healthy"), ct, (ItemKeys.Url, healthy.Url));
        await PutObjectAsync(ObjectKey.GitRepository("owner"), ct, (ItemKeys.Url, daemon.UrlFor("owner")));
        await PutObjectAsync(ObjectKey.GitRepository(BadInputCorpus.JobFiles), ct, (ItemKeys.Url, jobfiles.Url), (ItemKeys.Include, @"\.(nomad\.hcl|json)$"));
        await PutObjectAsync(ObjectKey.GitRepository("http-ok"), ct, (ItemKeys.Url, http.UrlFor("private")), (ItemKeys.Secret, "nomad-gitops/secrets/http"));
        await PutObjectAsync(ObjectKey.GitRepository("ssh-ok"), ct, (ItemKeys.Url, ssh.UrlFor("private")), (ItemKeys.Secret, "nomad-gitops/secrets/ssh"));
        // The job "taken" belongs to the repository "owner" before the job-file repository claims it too.
        await PutObjectAsync(ObjectKey.NomadJob("default", "taken"), ct,
            (ItemKeys.Repository, "owner"), (ItemKeys.File, "taken.nomad.hcl"), (ItemKeys.JobId, "taken"), (ItemKeys.Namespace, "default"), (ItemKeys.ManagedBy, "index"));

        foreach (var input in cases.Select(c => c.Input))
        {
            switch (input)
            {
                case BadInputKind.Repository repository:
                    await PutObjectAsync(ObjectKey.GitRepository(repository.Name), ct, repository.Items);
                    break;
                case BadInputKind.GitSource source:
                    await PutObjectAsync(ObjectKey.GitRepository(source.Name), ct, source.Items);
                    break;
                case BadInputKind.Job job:
                    await PutObjectAsync(ObjectKey.NomadJob(job.Namespace, job.JobId), ct, job.Items);
                    break;
                case BadInputKind.Receiver receiver:
                    await PutObjectAsync(ObjectKey.Receiver(receiver.Name), ct, receiver.Items);
                    break;
                case BadInputKind.DamagedCache damaged:
                    await DamageCacheAsync(damaged, ct);
                    await PutObjectAsync(ObjectKey.GitRepository(damaged.Name), ct, (ItemKeys.Url, damaged.Url));
                    break;
            }
        }
    }

    private async Task DamageCacheAsync(BadInputKind.DamagedCache damaged, CancellationToken ct)
    {
        var directory = Path.Combine(scratch, "cache", GitUrl.Parse(Resolve(damaged.Url)).CacheKey() + ".git");
        var source = daemon.PathFor(Path.GetFileNameWithoutExtension(new Uri(Resolve(damaged.Url)).AbsolutePath));
        if (damaged.Damage == "shallow")
        {
            await TestGit.RunAsync(scratch, ct, "clone", "--quiet", "--bare", "--depth", "1", "file://" + source, directory);
            return;
        }

        Directory.CreateDirectory(Path.Combine(directory, "objects"));
        await File.WriteAllTextAsync(Path.Combine(directory, "HEAD"), "this is no ref\n", ct);
        await File.WriteAllBytesAsync(Path.Combine(directory, "objects", "pack"), [1, 2, 3], ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "config"), "[core\nbroken", ct);
    }

    private async Task StartControllerAsync(CancellationToken ct)
    {
        var tokenFile = Path.Combine(scratch, "api-token");
        await File.WriteAllTextAsync(tokenFile, ApiToken + "\n", ct);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Server = new Uri($"http://127.0.0.1:{port}");
        Controller = ChildProgram.Start("nomad-gitops.dll",
            ["run", "--address", nomad.Address.ToString().TrimEnd('/'), "--cache-dir", Path.Combine(scratch, "cache"),
             "--http-addr", $"127.0.0.1:{port}", "--api-token-file", tokenFile, "--interval", "20s", "--concurrency", "8"],
            new Dictionary<string, string> { ["NO_COLOR"] = "1", ["GIT_TERMINAL_PROMPT"] = "0" });
        stops.Add(Controller);
        await Controller.WaitForLineAsync(l => l.Contains("Became leader", StringComparison.Ordinal), TimeSpan.FromMinutes(2), ct);
    }

    private async Task<RepoBuilder> RepoAsync(GitServer server, string name, CancellationToken ct, params (string Path, string Content)[] files)
    {
        var repo = await RepoBuilder.CreateAsync(server, name, ct);
        disposables.Add(repo);
        foreach (var (path, content) in files)
        {
            repo.WithFile(path, content);
        }

        await repo.CommitAsync("first", ct);
        return repo;
    }

    private Task PutObjectAsync(ObjectKey key, CancellationToken ct, params (string Key, string Value)[] items) =>
        PutAsync(key.ToPath(ObjectKey.DefaultPrefix), ct, items);

    private async Task PutAsync(string path, CancellationToken ct, params (string Key, string Value)[] items)
    {
        var variable = new Variable { Path = path, Items = items.ToDictionary(i => i.Key, i => Resolve(i.Value), StringComparer.Ordinal) };
        (await Client.Variables.PutAsync(variable, cas: 0, ct: ct)).ShouldBeOfType<VariableWriteResult.Written>(path);
    }
}

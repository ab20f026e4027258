using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJob;
using NomadGitOps.Engine;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJob;

/// <summary>
/// The NomadJob controller's real DI graph against the emulator and a real git repository on loopback (file:// by default), with a fake
/// clock shared by the emulator (deployments) and the controller. Plays the GitRepository controller's part itself:
/// <see cref="PublishAsync"/> syncs the cache and writes <c>status_current_commit</c>.
/// </summary>
internal sealed class NomadJobHarness : IAsyncDisposable
{
    /// <summary>The repository name every test uses.</summary>
    public const string RepositoryName = "apps";

    private readonly ServiceProvider services;
    private readonly string cacheRoot;
    private readonly HttpMessageHandler? handler;

    private NomadJobHarness(
        NomadEmulator nomad, GitServer server, RepoBuilder repo, FakeTimeProvider time, string cacheRoot, NomadJobControllerOptions options, HttpMessageHandler? handler)
    {
        Nomad = nomad;
        Server = server;
        Repo = repo;
        Time = time;
        this.cacheRoot = cacheRoot;
        this.handler = handler;
        var collection = new ServiceCollection();
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<TimeProvider>(time);
        // One attempt per call: a fault injected in the emulator reaches the controller as is, with no retry sleeping.
        collection.AddSingleton(new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString(), MaxAttempts = 1 }, handler));
        Other = new NomadClient(new NomadClientOptions { Address = nomad.Address.ToString() });
        collection.AddSingleton(new ObjectStoreOptions());
        collection.AddSingleton<ObjectStore>();
        collection.AddSingleton(new Backoff(BackoffOptions.Default, new Random(7)));
        collection.AddSingleton(options);
        collection.AddGitSources(cacheRoot);
        collection.AddSingleton<OwnedJobCache>();
        collection.AddSingleton<DeploymentCache>();
        collection.AddNomadJobController();
        services = collection.BuildServiceProvider();
    }

    /// <summary>The emulator.</summary>
    public NomadEmulator Nomad { get; }

    /// <summary>The git server (file:// unless asked otherwise).</summary>
    public GitServer Server { get; }

    /// <summary>The repository the jobs come from.</summary>
    public RepoBuilder Repo { get; }

    /// <summary>The clock of the emulator and the controller.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The controller under test.</summary>
    public NomadJobController Controller => services.GetRequiredService<NomadJobController>();

    /// <summary>The object store.</summary>
    public ObjectStore Store => services.GetRequiredService<ObjectStore>();

    /// <summary>The owned-job cache the controller reads; not current until <see cref="ListOwnedJobsAsync"/>.</summary>
    public OwnedJobCache OwnedJobs => services.GetRequiredService<OwnedJobCache>();

    /// <summary>Lists the owned jobs once into <see cref="OwnedJobs"/>, as the owned-job watcher does; returns the jobs that moved.</summary>
    public async Task<IReadOnlyList<OwnedJob>> ListOwnedJobsAsync(CancellationToken ct)
    {
        var query = new QueryOptions { Namespace = "*", Filter = OwnedJobWatcher.FilterFor(NomadJobControllerOptions.DefaultManagedBy) };
        var list = await Client.Jobs.ListAllAsync(query, meta: true, ct);
        var jobs = list.Value.Select(s => new OwnedJob(s.Namespace, s.ID, s.JobModifyIndex, s.Stop, s.Status, s.Meta?.GetValueOrDefault(OwnershipMeta.ObjectKey))).ToList();
        var (moved, gone) = OwnedJobs.Apply(jobs, list.LastIndex);
        return [.. moved.Select(m => m.Job), .. gone];
    }

    /// <summary>The deployment cache the controller reads; not current until <see cref="ListDeploymentsAsync"/>.</summary>
    public DeploymentCache Deployments => services.GetRequiredService<DeploymentCache>();

    /// <summary>Lists every deployment once into <see cref="Deployments"/>, as the deployment watcher does; returns those whose status a NomadJob must see.</summary>
    public async Task<IReadOnlyList<Deployment>> ListDeploymentsAsync(CancellationToken ct)
    {
        var list = await Client.Deployments.ListAllAsync(new QueryOptions { Namespace = "*" }, ct);
        return Deployments.Apply(list.Value, list.LastIndex);
    }

    /// <summary>A client of the emulator of its own (for acting as a person changing jobs by hand).</summary>
    public NomadClient Client => Other;

    private NomadClient Other { get; }

    /// <summary>
    /// Starts everything; <paramref name="options"/> default to the controller's defaults; <paramref name="handler"/>, when
    /// given, carries the controller's requests to Nomad (and is disposed with the harness).
    /// </summary>
    public static async Task<NomadJobHarness> StartAsync(
        CancellationToken ct, NomadJobControllerOptions? options = null, HttpMessageHandler? handler = null, GitServerKind gitServer = GitServerKind.File)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var nomad = await NomadEmulator.StartAsync(new EmulatorOptions { TimeProvider = time, DeploymentDuration = TimeSpan.FromSeconds(30) }, ct);
        var server = await GitServer.StartAsync(gitServer, ct);
        var repo = await RepoBuilder.CreateAsync(server, RepositoryName, ct);
        var cacheRoot = Path.Combine(Path.GetTempPath(), "nomadjob-cache-" + Guid.NewGuid().ToString("N")[..10]);
        return new NomadJobHarness(nomad, server, repo, time, cacheRoot, options ?? new NomadJobControllerOptions(), handler);
    }

    /// <summary>
    /// Commits the staged files and publishes the commit as the GitRepository controller would: creates the
    /// repository object on first use, syncs the cache, sets <c>status_current_commit</c>; returns the commit.
    /// </summary>
    public async Task<string> PublishAsync(string message, CancellationToken ct, IReadOnlyDictionary<string, string>? repositoryItems = null)
    {
        var commit = await Repo.CommitAsync(message, ct);
        await services.GetRequiredService<GitCache>().SyncAsync(
            new GitSource(GitUrl.Parse(Repo.Url), GitReference.DefaultBranch, GitCredentials.None, TimeSpan.FromSeconds(60)), null, ct);
        var key = ObjectKey.GitRepository(RepositoryName);
        var stored = await Store.ReadAsync(key, ct);
        if (stored is null)
        {
            var items = new Dictionary<string, string>(repositoryItems ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [ItemKeys.Url] = Repo.Url };
            (await Store.CreateAsync(key, items, ct)).ShouldBeTrue();
            stored = (await Store.ReadAsync(key, ct))!;
        }

        var status = ItemCodec.DecodeGitRepositoryStatus(stored.Items) with { Ready = ReadyState.True, Reason = Reasons.Succeeded, CurrentCommit = commit };
        await Store.WriteStatusAsync(stored, ItemCodec.Encode(status), ct);
        return commit;
    }

    /// <summary>Marks the object orphaned as the index does when its file vanished with prune off (<c>status_orphaned_at</c>).</summary>
    public async Task MarkOrphanedAsync(ObjectKey key, CancellationToken ct)
    {
        var stored = (await Store.ReadAsync(key, ct))!;
        await Store.WriteStatusAsync(stored, ItemCodec.Encode(new NomadJobIndexStatus(Time.GetUtcNow(), Time.GetUtcNow())), ct);
    }

    /// <summary>Deletes the object, as the index does when its file vanished with prune on.</summary>
    public async Task DeleteObjectAsync(ObjectKey key, CancellationToken ct)
    {
        var stored = (await Store.ReadAsync(key, ct))!;
        (await Store.DeleteAsync(key, stored.ModifyIndex, ct)).ShouldBeTrue();
    }

    /// <summary>Creates the NomadJob object for <paramref name="jobId"/> in <c>default</c> from <paramref name="file"/>, with extra spec items.</summary>
    public async Task<ObjectKey> CreateJobObjectAsync(string jobId, string file, CancellationToken ct, params (string Key, string Value)[] extra)
    {
        var key = ObjectKey.NomadJob(NomadJobSpec.DefaultNamespace, jobId);
        var items = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ItemKeys.Repository] = RepositoryName,
            [ItemKeys.File] = file,
            [ItemKeys.JobId] = jobId,
        };
        foreach (var (k, v) in extra)
        {
            items[k] = v;
        }

        (await Store.CreateAsync(key, items, ct)).ShouldBeTrue();
        return key;
    }

    /// <summary>Runs one reconcile of <paramref name="key"/>.</summary>
    public async Task<ReconcileOutcome> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (ListsBeforeEachReconcile)
        {
            await ListOwnedJobsAsync(ct);
            await ListDeploymentsAsync(ct);
        }

        return await Controller.ReconcileAsync(key, ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>
    /// When true, each <see cref="ReconcileAsync"/> first lists the owned jobs and the deployments into their caches, as
    /// the engine's watches keep them current (the controller then answers from them).
    /// </summary>
    public bool ListsBeforeEachReconcile { get; set; }

    /// <summary>The stored status of <paramref name="key"/>.</summary>
    public async Task<NomadJobStatus> StatusAsync(ObjectKey key, CancellationToken ct) =>
        ItemCodec.DecodeNomadJobStatus((await Store.ReadAsync(key, ct))!.Items);

    /// <summary>The live job, or null.</summary>
    public async Task<JsonObject?> LiveJobAsync(string jobId, CancellationToken ct) => (await Client.Jobs.ReadAsync(jobId, ct: ct)).Value;

    /// <summary>How many versions Nomad keeps of <paramref name="jobId"/> (0 when it does not exist).</summary>
    public async Task<int> VersionCountAsync(string jobId, CancellationToken ct) =>
        (await Client.Jobs.VersionsAsync(jobId, ct: ct)).Value?.Versions.Count ?? 0;

    /// <summary>Requests to one emulator endpoint, e.g. <c>"POST /v1/jobs"</c>.</summary>
    public long Calls(string endpoint) => Nomad.Calls.Count(endpoint);

    /// <summary>Stops everything and deletes the temporary directories.</summary>
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Other.Dispose();
        handler?.Dispose();
        Repo.Dispose();
        await Server.DisposeAsync();
        await Nomad.DisposeAsync();
        if (Directory.Exists(cacheRoot))
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }
}

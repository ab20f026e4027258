using Microsoft.Extensions.Time.Testing;
using Nomad.Client;
using Nomad.Emulator;
using NomadGitOps.Controllers;
using NomadGitOps.Controllers.NomadJobIndex;
using NomadGitOps.Objects;
using NomadGitOps.Rendering;
using NomadGitOps.Sources;
using NomadGitOps.Tests.Support;

namespace NomadGitOps.Tests.Controllers.NomadJobIndex;

/// <summary>
/// A view over <see cref="ControllerHarness"/> (the real DI graph: emulator, object store, git cache, parser, fake
/// clock, recording trigger) for the index controller's tests, with a git server (git daemon on loopback). Stands in
/// for the GitRepository controller by syncing the cache and writing <c>status_current_commit</c> itself.
/// </summary>
internal sealed class IndexHarness : IAsyncDisposable
{
    private IndexHarness(ControllerHarness graph, GitServer server)
    {
        Graph = graph;
        Server = server;
    }

    /// <summary>The whole graph this view is over.</summary>
    public ControllerHarness Graph { get; }

    /// <summary>The Nomad emulator.</summary>
    public NomadEmulator Nomad => Graph.Nomad;

    /// <summary>The git server.</summary>
    public GitServer Server { get; }

    /// <summary>A client of the emulator of its own.</summary>
    public NomadClient Client => Graph.Person;

    /// <summary>The object store.</summary>
    public ObjectStore Store => Graph.Store;

    /// <summary>The git cache the controller reads.</summary>
    public GitCache GitCache => Graph.GitCache;

    /// <summary>The parser the controller uses.</summary>
    public JobFileParser Parser => Graph.Parser;

    /// <summary>The clock.</summary>
    public FakeTimeProvider Clock => Graph.Time;

    /// <summary>What the controller triggered.</summary>
    public RecordingTrigger Trigger => Graph.Trigger;

    /// <summary>The controller under test.</summary>
    public NomadJobIndexController Controller => Graph.Index;

    /// <summary>
    /// Starts the graph and a git daemon. <paramref name="cached"/>: the store answers from an object cache, primed on
    /// the empty emulator and fed by the store's own writes, as in <c>run</c> (objects must then be written through
    /// <see cref="Store"/>, since no watcher sees writes made otherwise).
    /// </summary>
    public static async Task<IndexHarness> StartAsync(CancellationToken ct, bool cached = false)
    {
        var graph = await ControllerHarness.StartAsync(ct, new ControllerHarnessOptions { CachedStore = cached });
        var server = await GitServer.StartAsync(GitServerKind.Daemon, ct);
        return new IndexHarness(graph, server);
    }

    /// <summary>A new repository on the git server.</summary>
    public Task<RepoBuilder> NewRepoAsync(string name, CancellationToken ct) => RepoBuilder.CreateAsync(Server, name, ct);

    /// <summary>Creates the GitRepository object <paramref name="name"/> for <paramref name="repo"/> with extra spec items.</summary>
    public async Task<ObjectKey> CreateRepositoryAsync(string name, RepoBuilder repo, CancellationToken ct, params (string Key, string Value)[] items)
    {
        var key = ObjectKey.GitRepository(name);
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { [ItemKeys.Url] = repo.Url };
        foreach (var (k, v) in items)
        {
            all[k] = v;
        }

        (await Store.CreateAsync(key, all, ct)).ShouldBeTrue();
        return key;
    }

    /// <summary>What the GitRepository controller does on a new commit: fetch it and record <c>status_current_commit</c>.</summary>
    public async Task PublishAsync(ObjectKey repository, RepoBuilder repo, CancellationToken ct)
    {
        var result = await GitCache.SyncAsync(GitSourcesHarness.Source(repo.Url), null, ct);
        var stored = (await Store.ReadAsync(repository, ct)).ShouldNotBeNull();
        var owned = new HashSet<string>(StringComparer.Ordinal) { ItemKeys.StatusCurrentCommit };
        var patch = new StatusPatch(new Dictionary<string, string> { [ItemKeys.StatusCurrentCommit] = result.Ref.Commit }, owned, owned);
        await Store.WriteStatusAsync(stored, patch, ct);
    }

    /// <summary>Publishes the repository's current commit and runs one index reconcile.</summary>
    public async Task<ReconcileOutcome> PublishAndIndexAsync(ObjectKey repository, RepoBuilder repo, CancellationToken ct)
    {
        await PublishAsync(repository, repo, ct);
        return await Controller.ReconcileAsync(repository, ct);
    }

    /// <summary>The repository's index status.</summary>
    public async Task<RepositoryIndexStatus> IndexStatusAsync(ObjectKey repository, CancellationToken ct) =>
        ItemCodec.DecodeRepositoryIndexStatus((await Store.ReadAsync(repository, ct)).ShouldNotBeNull().Items);

    /// <summary>The NomadJob object of <paramref name="jobId"/> in <paramref name="ns"/>, or null.</summary>
    public Task<StoredObject?> JobAsync(string ns, string jobId, CancellationToken ct) => Store.ReadAsync(ObjectKey.NomadJob(ns, jobId), ct);

    /// <summary>Every NomadJob object's key.</summary>
    public async Task<IReadOnlyList<ObjectKey>> JobKeysAsync(CancellationToken ct) =>
        (await Store.ListAsync(ObjectKind.NomadJob, null, null, ct)).Objects.Select(o => o.Key).ToList();

    /// <summary>Stops everything.</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
